<?xml version="1.0" encoding="UTF-8"?>
<!--
  Register pages: persons.html, places.html, organisations.html. Every entry the text refers
  to, with its names, dates and note, and every occurrence linked back to its place in the
  text with the page it falls on.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:te="urn:tei-edition"
    exclude-result-prefixes="#all">

  <xsl:key name="mentions" match="tei:text//*[@ref]" use="tokenize(normalize-space(@ref))"/>

  <xsl:function name="te:register-page" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="if ($name/self::tei:persName) then $persons-page
                          else if ($name/self::tei:placeName) then $places-page
                          else $organisations-page"/>
  </xsl:function>

  <xsl:template name="registers">
    <xsl:for-each select="//tei:standOff/(tei:listPerson, tei:listPlace, tei:listOrg)">
      <xsl:variable name="page" select="if (self::tei:listPerson) then $persons-page
                                        else if (self::tei:listPlace) then $places-page
                                        else $organisations-page"/>
      <xsl:variable name="heading" select="if (self::tei:listPerson) then 'Persons'
                                           else if (self::tei:listPlace) then 'Places'
                                           else 'Organisations'"/>
      <xsl:if test="$page">
        <xsl:result-document href="{$page}" method="html" html-version="5" indent="no">
          <xsl:call-template name="page">
            <xsl:with-param name="title" select="concat($heading, ' – ', $title)"/>
            <xsl:with-param name="class" select="'register'"/>
            <xsl:with-param name="content">
              <main id="text">
                <h1><xsl:value-of select="$heading"/></h1>
                <xsl:variable name="entries" select="*[key('mentions', concat('#', @xml:id),
                                                      $doc)]"/>
                <p class="count"><xsl:value-of select="count($entries)"/> entries</p>
                <xsl:apply-templates select="$entries" mode="register">
                  <xsl:sort select="lower-case(te:sort-key(.))"/>
                </xsl:apply-templates>
              </main>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:result-document>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:function name="te:preferred" as="element()?">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="($entry/*[ends-with(local-name(), 'Name')][@type = 'preferred'],
                           $entry/*[ends-with(local-name(), 'Name')])[1]"/>
  </xsl:function>

  <xsl:function name="te:sort-key" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="name" select="te:preferred($entry)"/>
    <xsl:sequence select="normalize-space(string-join(($name/tei:surname, $name), ' '))"/>
  </xsl:function>

  <xsl:template match="tei:person | tei:place | tei:org" mode="register">
    <xsl:variable name="mentions" select="key('mentions', concat('#', @xml:id), $doc)"/>
    <section class="entry {local-name()}" id="{@xml:id}">
      <h2><xsl:value-of select="normalize-space(te:preferred(.))"/></h2>
      <xsl:variable name="others" select="*[ends-with(local-name(), 'Name')]
                                          except te:preferred(.)"/>
      <xsl:if test="$others">
        <p class="variants">Also: <xsl:value-of select="string-join(
          for $n in $others return concat(normalize-space($n),
            if ($n/@type and $n/@type != 'variant') then concat(' (', $n/@type, ')') else ''),
          '; ')"/></p>
      </xsl:if>
      <xsl:if test="tei:birth or tei:death">
        <p class="life">
          <xsl:value-of select="(tei:birth/@when, '?')[1]"/> – <xsl:value-of
            select="(tei:death/@when, '?')[1]"/>
        </p>
      </xsl:if>
      <xsl:for-each select="tei:note">
        <p class="note"><xsl:value-of select="normalize-space(.)"/></p>
      </xsl:for-each>
      <xsl:for-each select="tei:idno[@type = ('wikidata', 'viaf', 'gnd', 'uri')]">
        <p class="authority"><a href="{te:authority-url(.)}"><xsl:value-of
          select="concat(@type, ': ', .)"/></a></p>
      </xsl:for-each>
      <h3>Occurrences (<xsl:value-of select="count($mentions)"/>)</h3>
      <ol class="occurrences">
        <xsl:for-each select="$mentions">
          <xsl:variable name="page" select="accumulator-before('page-label')"/>
          <li>
            <a href="index.html#{te:id(.)}">
              <xsl:value-of select="if ($page) then $page
                                    else (normalize-space((ancestor::tei:div[tei:head][1]
                                      /tei:head)[1])[.], 'text')[1]"/>
            </a>
            <xsl:text>: </xsl:text>
            <span class="context"><xsl:value-of select="te:context(.)"/></span>
          </li>
        </xsl:for-each>
      </ol>
    </section>
  </xsl:template>

  <xsl:function name="te:authority-url" as="xs:string">
    <xsl:param name="idno" as="element()"/>
    <xsl:sequence select="if ($idno/@type = 'wikidata') then concat('https://www.wikidata.org/wiki/', $idno)
                          else if ($idno/@type = 'viaf') then concat('https://viaf.org/viaf/', $idno)
                          else if ($idno/@type = 'gnd') then concat('https://d-nb.info/gnd/', $idno)
                          else string($idno)"/>
  </xsl:function>

  <!-- The words around a mention, from the text beside it (notes left out). -->
  <xsl:function name="te:context" as="xs:string">
    <xsl:param name="mention" as="element()"/>
    <xsl:variable name="before" select="normalize-space(string-join(
      $mention/preceding-sibling::node()[not(self::tei:note)], ''))"/>
    <xsl:variable name="after" select="normalize-space(string-join(
      $mention/following-sibling::node()[not(self::tei:note)], ''))"/>
    <xsl:sequence select="concat(
      if (string-length($before) gt $context-chars) then '…' else '',
      substring($before, string-length($before) - $context-chars + 1), ' [',
      normalize-space($mention), '] ', substring($after, 1, $context-chars),
      if (string-length($after) gt $context-chars) then '…' else '')"/>
  </xsl:function>
</xsl:stylesheet>
