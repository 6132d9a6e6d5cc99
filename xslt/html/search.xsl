<?xml version="1.0" encoding="UTF-8"?>
<!--
  The search index: every paragraph, heading, item and note with its text, the page it falls
  on and its section, as a script (assets/search-index.js) so that search works from a file
  system too, where a page may not fetch JSON.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:te="urn:tei-edition"
    exclude-result-prefixes="#all">

  <xsl:template name="search-index">
    <xsl:variable name="entries" as="map(*)*">
      <xsl:for-each select="//tei:text//(tei:p | tei:ab | tei:item | tei:head[parent::tei:div])
                            [not(ancestor::tei:note)]">
        <xsl:variable name="page" select="accumulator-before('page')"/>
        <xsl:variable name="text">
          <xsl:apply-templates select="node()" mode="plain"/>
        </xsl:variable>
        <xsl:sequence select="map{
          'id': if (self::tei:head) then te:id(..) else te:id(.),
          'text': normalize-space($text),
          'page': if ($page) then te:page-label($page) else '',
          'section': normalize-space(string-join(ancestor::tei:div[last()]/tei:head[1]
            //text()[not(ancestor::tei:note)], ''))}"/>
      </xsl:for-each>
      <xsl:for-each select="//tei:text//tei:note">
        <xsl:variable name="text">
          <xsl:apply-templates select="node()" mode="plain"/>
        </xsl:variable>
        <xsl:sequence select="map{'id': concat('note-', accumulator-before('note-number')),
          'text': normalize-space($text), 'page': '', 'section': $notes-title}"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:result-document href="{$assets}/search-index.js" method="text" encoding="UTF-8">
      <xsl:text>window.TEI_SEARCH = </xsl:text>
      <xsl:value-of select="serialize(array{$entries[?text != '']}, map{'method': 'json'})"/>
      <xsl:text>;&#10;</xsl:text>
    </xsl:result-document>
  </xsl:template>
</xsl:stylesheet>
