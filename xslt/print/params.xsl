<?xml version="1.0" encoding="UTF-8"?>
<!--
  Parameters of the print edition, all in one place. Set them from Python
  (tei.publish.pdf.render(..., paper="book")) or with the paper option of tei pdf and its name=value parameters.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <!-- a4, letter, or book (156 x 234 mm) -->
  <xsl:param name="paper" as="xs:string" select="'a4'"/>
  <xsl:param name="bibliography-title" as="xs:string" select="'Quoted editions'"/>
  <xsl:param name="emendations-title" as="xs:string" select="'Emendations'"/>
  <xsl:param name="emendations-note" as="xs:string"
             select="'Page, the reading printed, and after the bracket the reading of the source.'"/>
  <xsl:param name="index-title" as="xs:string" select="'Index of persons'"/>
</xsl:stylesheet>
