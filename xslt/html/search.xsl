<?xml version="1.0" encoding="UTF-8"?>
<!--
  The search index: every paragraph, heading, item and note with its text, the page it falls
  on and its section, as a script (assets/search-index.js) so that search works from a file
  system too, where a page may not fetch JSON. Each entry is [id, text, page, section].
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:te="urn:tei-edition"
    exclude-result-prefixes="#all">

  <!-- The text of a block as it is read: no notes inside it, corrections rather than the
       source's misprints, no line-end hyphens. Most blocks have none of these and are read
       as they stand. -->
  <xsl:function name="te:reading" as="xs:string">
    <xsl:param name="block" as="element()"/>
    <xsl:sequence select="if (not($block//(tei:note | tei:choice | tei:pc)))
      then normalize-space($block)
      else normalize-space(string-join($block//text()[not(
        (ancestor::tei:note except $block/ancestor-or-self::tei:note)
        or ancestor::*[self::tei:sic or self::tei:orig or self::tei:abbr][parent::tei:choice]
        or parent::tei:pc[@force = 'weak'][following-sibling::node()[1]
          [self::tei:pb[@break = 'no']]])], ''))"/>
  </xsl:function>

  <!-- a JavaScript string literal -->
  <xsl:function name="te:js" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="concat('&quot;', replace(replace(replace($text, '\\', '\\\\'),
                          '&quot;', '\\&quot;'), '&lt;/', '&lt;\\/'), '&quot;')"/>
  </xsl:function>

  <xsl:function name="te:entry" as="xs:string?">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="page" as="xs:string"/>
    <xsl:param name="section" as="xs:string"/>
    <xsl:sequence select="if ($text) then concat('[', te:js($id), ',', te:js($text), ',',
                          te:js($page), ',', te:js($section), ']') else ()"/>
  </xsl:function>

  <xsl:template name="search-index">
    <xsl:variable name="entries" as="xs:string*">
      <xsl:for-each select="$content">
        <xsl:for-each select=".//(tei:p | tei:ab | tei:item)[not(ancestor::tei:div)]
                              [not(ancestor::tei:note)]">
          <xsl:sequence select="te:search-entry(., '')"/>
        </xsl:for-each>
        <xsl:for-each select=".//tei:div[not(ancestor::tei:div)]">
          <xsl:variable name="section" select="normalize-space(string-join(tei:head[1]
            //text()[not(ancestor::tei:note)], ''))"/>
          <xsl:for-each select="descendant-or-self::*[self::tei:p or self::tei:ab
            or self::tei:item or self::tei:head[parent::tei:div]][not(ancestor::tei:note)]">
            <xsl:sequence select="te:search-entry(., $section)"/>
          </xsl:for-each>
        </xsl:for-each>
      </xsl:for-each>
      <xsl:for-each select="$content//tei:note">
        <xsl:sequence select="te:entry(concat('note-', accumulator-before('note-number')),
                              te:reading(.), '', $notes-title)"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:result-document href="{$assets}/search-index.js" method="text" encoding="UTF-8">
      <xsl:text>window.TEI_SEARCH = [&#10;</xsl:text>
      <xsl:value-of select="string-join($entries, ',&#10;')"/>
      <xsl:text>&#10;];&#10;</xsl:text>
    </xsl:result-document>
  </xsl:template>

  <xsl:function name="te:search-entry" as="xs:string?">
    <xsl:param name="block" as="element()"/>
    <xsl:param name="section" as="xs:string"/>
    <xsl:sequence select="te:entry(if ($block/self::tei:head) then te:id($block/..)
                          else te:id($block), te:reading($block),
                          $block/accumulator-before('page-label'), $section)"/>
  </xsl:function>
</xsl:stylesheet>
