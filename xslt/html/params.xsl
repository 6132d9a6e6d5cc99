<?xml version="1.0" encoding="UTF-8"?>
<!--
  Parameters of the HTML edition, all in one place. Set them from Python
  (tei.publish.html.render(..., params={...})) or with `tei html -p name=value`.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <!-- Folder of the stylesheet and script, relative to the pages. -->
  <xsl:param name="assets" as="xs:string" select="'assets'"/>
  <!-- Title of the notes list and of the bibliography of quoted editions. -->
  <xsl:param name="notes-title" as="xs:string" select="'Notes'"/>
  <xsl:param name="bibliography-title" as="xs:string" select="'Quoted editions'"/>
  <!-- Pages of the registers; empty: no page (and names are not links). -->
  <xsl:param name="persons-page" as="xs:string" select="'persons.html'"/>
  <xsl:param name="places-page" as="xs:string" select="'places.html'"/>
  <xsl:param name="organisations-page" as="xs:string" select="'organisations.html'"/>
  <!-- Characters of context shown around each occurrence on the register pages. -->
  <xsl:param name="context-chars" as="xs:integer" select="60"/>
</xsl:stylesheet>
