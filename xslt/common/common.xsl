<?xml version="1.0" encoding="UTF-8"?>
<!--
  What TEI elements mean, for every output format: identifiers, edition labels of page breaks,
  note numbers, the page a node falls on, and how an element behaves (block, inline, note,
  break, omitted, unknown). Formats (xslt/html, xslt/print) import this and decide the look.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:te="urn:tei-edition"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:key name="id" match="*[@xml:id]" use="@xml:id"/>

  <!-- The page a node stands on: the last page break before it. -->
  <xsl:accumulator name="page" as="element(tei:pb)?" initial-value="()">
    <xsl:accumulator-rule match="tei:pb" select="."/>
  </xsl:accumulator>

  <!-- The label of that page, computed once per page break. -->
  <xsl:accumulator name="page-label" as="xs:string" initial-value="''">
    <xsl:accumulator-rule match="tei:pb" select="te:page-label(.)"/>
  </xsl:accumulator>

  <!-- Note numbers, counted through the text. -->
  <xsl:accumulator name="note-number" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="tei:text//tei:note" select="$value + 1"/>
  </xsl:accumulator>

  <xsl:function name="te:id" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="($node/@xml:id, generate-id($node))[1]"/>
  </xsl:function>

  <!-- The element a local pointer (#id) points to. -->
  <xsl:function name="te:target" as="element()?">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:sequence select="if (starts-with($pointer, '#'))
                          then key('id', substring($pointer, 2), root($context))[1] else ()"/>
  </xsl:function>

  <!-- A short name for the book a page belongs to: its author's surname, else its title. -->
  <xsl:function name="te:edition-label" as="xs:string">
    <xsl:param name="pb" as="element(tei:pb)"/>
    <xsl:variable name="bibl" select="te:target($pb, $pb/@edRef)"/>
    <xsl:variable name="author" select="normalize-space(string($bibl/tei:author[1]))"/>
    <xsl:sequence select="if ($author) then tokenize($author, '\s+')[last()]
                          else if ($bibl/tei:title) then normalize-space($bibl/tei:title[1])
                          else if ($pb/@ed) then string($pb/@ed) else ''"/>
  </xsl:function>

  <!-- "Krivitsky p. 183" -->
  <xsl:function name="te:page-label" as="xs:string">
    <xsl:param name="pb" as="element(tei:pb)"/>
    <xsl:variable name="edition" select="te:edition-label($pb)"/>
    <xsl:sequence select="normalize-space(concat($edition, ' p. ', $pb/@n))"/>
  </xsl:function>

  <xsl:function name="te:page-id" as="xs:string">
    <xsl:param name="pb" as="element(tei:pb)"/>
    <xsl:sequence select="if ($pb/@xml:id) then string($pb/@xml:id)
                          else concat('page-', if ($pb/@edRef) then substring($pb/@edRef, 2)
                            else 'n', '-', replace($pb/@n, '[^\w-]', '_'))"/>
  </xsl:function>

  <!-- A hyphen that only marks a word cut by a page break is not read (a pc holding
       anything more than the hyphen is read as it stands). -->
  <xsl:function name="te:line-end-hyphen" as="xs:boolean">
    <xsl:param name="pc" as="element(tei:pc)"/>
    <xsl:sequence select="$pc/@force = 'weak' and not($pc/*)
                          and matches(normalize-space($pc), '^[\-&#x2010;&#xAD;]$')
                          and $pc/following-sibling::node()[1][self::tei:pb[@break = 'no']]"/>
  </xsl:function>

  <!-- The readable value of a date: "1937-05-22", "1920 - 1921", "not before 1931-03". -->
  <xsl:function name="te:date-value" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="
      if ($date/@when) then string($date/@when)
      else if ($date/@from or $date/@to) then concat($date/@from, ' – ', $date/@to)
      else string-join((
        if ($date/@notBefore) then concat('not before ', $date/@notBefore) else (),
        if ($date/@notAfter) then concat('not after ', $date/@notAfter) else ()), ', ')"/>
  </xsl:function>

  <!-- Elements every format renders; anything else is unknown (its text is kept). -->
  <xsl:variable name="te:known" as="map(xs:string, xs:boolean)" select="map:merge(
    for $name in tokenize(
    'TEI teiHeader text front body back div head p ab pb lb cb milestone pc note gap metamark
     quote q said cit bibl listBibl biblScope title author editor publisher pubPlace edition
     idno date time list item label sp speaker stage lg l table row cell figure graphic
     figDesc persName placeName orgName name roleName forename surname addName geogName
     choice sic corr orig reg abbr expan add del unclear supplied hi emph foreign term
     mentioned soCalled gloss seg ref ptr num measure titlePage docTitle titlePart byline
     docAuthor docDate docImprint opener closer salute signed dateline trailer argument
     epigraph postscript standOff listPerson listPlace listOrg person place org respStmt
     resp desc', '\s+') return map{$name: true()})"/>

  <xsl:function name="te:known" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="namespace-uri($el) = 'http://www.tei-c.org/ns/1.0'
                          and map:contains($te:known, local-name($el))"/>
  </xsl:function>

  <!-- Unknown elements that contain blocks behave as blocks. -->
  <xsl:function name="te:is-block" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el/(tei:p | tei:div | tei:lg | tei:list | tei:sp |
                          tei:table | tei:ab | tei:head))"/>
  </xsl:function>
</xsl:stylesheet>
