<?xml version="1.0" encoding="UTF-8"?>
<!--
  The print edition: TEI to Typst markup, which the typst package sets as a PDF. Meaning comes
  from xslt/common/common.xsl. Every piece of text goes into Typst as a string literal
  (#"..."), so no character of the source can be read as Typst syntax.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:te="urn:tei-edition"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>
  <xsl:include href="params.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:mode on-no-match="shallow-skip" use-accumulators="#all"/>

  <xsl:variable name="title" select="(normalize-space((//tei:titleStmt/tei:title)[1])[.],
                                      'TEI edition')[1]"/>
  <!-- the title for running heads: the whole title when short, else its first clause -->
  <xsl:variable name="running-title" select="
    if (string-length($title) le 60) then $title
    else (for $clause in normalize-space(tokenize($title, '[;:]| - ')[1])
          return if (string-length($clause) le 60) then $clause
                 else concat(string-join(tokenize($clause, ' ')[position() le 8], ' '), '…'))"/>
  <xsl:variable name="author" select="normalize-space((//tei:titleStmt/tei:author)[1])"/>
  <xsl:variable name="lang" select="((/*/@xml:lang, //tei:text/@xml:lang)!te:typst-lang(.), 'en')[1]"/>

  <!-- the language of an xml:lang as Typst takes it (two or three letters), if it has one -->
  <xsl:function name="te:typst-lang" as="xs:string?">
    <xsl:param name="code" as="xs:string"/>
    <xsl:variable name="primary" select="lower-case(tokenize($code, '-')[1])"/>
    <xsl:sequence select="$primary[matches(., '^[a-z]{2,3}$')]"/>
  </xsl:function>
  <xsl:variable name="content" select="if (//tei:text) then //tei:text[not(ancestor::tei:text)]
                                       else /*"/>

  <!-- a Typst string literal -->
  <xsl:function name="te:str" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="concat('&quot;', replace(replace($text, '\', '\\', 'q'), '&quot;',
                          '\&quot;', 'q'), '&quot;')"/>
  </xsl:function>

  <xsl:template match="/">
    <xsl:call-template name="preamble"/>
    <xsl:call-template name="title-page"/>
    <xsl:text>#{ show &lt;srcpage&gt;: none; show footnote: none; outline(title: "Contents", depth: 2) }&#10;#pagebreak()&#10;</xsl:text>
    <xsl:apply-templates select="$content"/>
    <xsl:call-template name="emendations"/>
    <xsl:call-template name="bibliography"/>
    <xsl:call-template name="person-index"/>
  </xsl:template>

  <xsl:template name="preamble">
    <xsl:variable name="size" select="if ($paper = 'book') then 'width: 156mm, height: 234mm'
                                      else if ($paper = 'letter') then 'paper: &quot;us-letter&quot;'
                                      else 'paper: &quot;a4&quot;'"/>
    <xsl:text>#set document(title: </xsl:text>
    <xsl:value-of select="te:str($title)"/>
    <xsl:if test="$author">, author: <xsl:value-of select="te:str($author)"/></xsl:if>
    <xsl:text>)&#10;</xsl:text>
    <xsl:text>#let edition-title = </xsl:text><xsl:value-of select="te:str($running-title)"/>
    <xsl:text>&#10;#let page-width = </xsl:text>
    <xsl:value-of select="if ($paper = 'book') then '156mm' else if ($paper = 'letter') then '215.9mm'
                          else '210mm'"/>
    <xsl:text>&#10;#let outside = </xsl:text>
    <xsl:value-of select="if ($paper = 'book') then '2.6cm' else '3.4cm'"/>
    <xsl:text>&#10;#set page(</xsl:text><xsl:value-of select="$size"/>
    <xsl:text><![CDATA[, margin: (inside: if page-width < 160mm { 1.8cm } else { 2.6cm }, outside: outside,
    top: 2.6cm, bottom: 2.4cm),
  header: context {
    let n = here().page()
    if n > 2 {
      let heads = heading.where(level: 1, outlined: true)
      let on-page = query(heads).filter(h => h.location().page() == n)
      let before = query(heads.before(here()))
      let section = if on-page.len() > 0 { on-page.first().body }
        else if before.len() > 0 { before.last().body } else { edition-title }
      set text(size: 8pt, hyphenate: false)
      show <srcpage>: none
      show footnote: none
      let number(side) = box(width: 2.5em, align(side, counter(page).display()))
      if calc.even(n) [#number(left)#h(1fr)#smallcaps(edition-title)]
      else [#box(width: 100% - 3em, clip: true, height: 1.2em, section)#h(1fr)#number(right)]
      v(-4pt); line(length: 100%, stroke: 0.4pt)
    }
  },
  footer: context { if here().page() <= 2 { align(center, text(size: 8pt, counter(page).display())) } })
]]></xsl:text>
    <xsl:text>#set text(lang: "</xsl:text><xsl:value-of select="$lang"/>
    <xsl:text><![CDATA[", size: 10.5pt, hyphenate: true)
#set par(justify: true, leading: 0.62em, spacing: 0.9em)
#set heading(numbering: none)
#show heading.where(level: 1): set block(above: 2.2em, below: 1.4em)
#show heading.where(level: 1): it => { pagebreak(weak: true); text(size: 15pt, it) }
#show heading.where(level: 2): set block(above: 1.6em, below: 0.9em)
#show heading.where(level: 2): set text(size: 12pt)
#show heading.where(level: 3): set text(size: 10.5pt)
#set quote(block: true)
#show quote.where(block: true): it => pad(left: 1.4em, right: 0.6em, text(size: 9.8pt, it.body))
#set footnote.entry(separator: line(length: 30%, stroke: 0.4pt))
// a page marker of the source: in the outer margin (left on even pages, right on odd ones),
// level with the line where the source's page begins
#let srcpage(label) = [#box(width: 0pt, context {
  let x = here().position().x
  let odd = calc.odd(here().page())
  let w = outside - 0.7cm
  let dx = if odd { page-width - outside - x + 0.35cm } else { outside - x - 0.35cm - w }
  place(bottom + left, dx: dx, box(width: w, align(if odd { left } else { right },
    text(size: 7pt, weight: "regular", style: "normal", fill: luma(70), hyphenate: false)[\[#label\]])))
})<srcpage>]
#let mention(id, body) = [#metadata(id)<person-mention>#body]
#let emend(sic, corr, body) = [#metadata((sic: sic, corr: corr))<emendation>#body]
]]></xsl:text>
  </xsl:template>

  <xsl:template name="title-page">
    <xsl:text>#page(header: none)[#v(22%)&#10;#align(center)[#text(size: 20pt, weight: "bold")[#</xsl:text>
    <xsl:value-of select="te:str($title)"/>
    <xsl:text>]&#10;#v(1.5em)&#10;</xsl:text>
    <xsl:if test="$author">
      <xsl:text>#text(size: 13pt)[#</xsl:text><xsl:value-of select="te:str($author)"/>
      <xsl:text>]&#10;#v(0.8em)&#10;</xsl:text>
    </xsl:if>
    <xsl:for-each select="(//tei:sourceDesc//tei:date)[1]">
      <xsl:text>#text(size: 11pt)[#</xsl:text><xsl:value-of select="te:str(normalize-space(.))"/>
      <xsl:text>]&#10;</xsl:text>
    </xsl:for-each>
    <xsl:text>]&#10;#v(1fr)&#10;#set text(size: 8.5pt)&#10;</xsl:text>
    <xsl:for-each select="//tei:editorialDecl//tei:p">
      <xsl:text>#par[#</xsl:text><xsl:value-of select="te:str(normalize-space(.))"/>
      <xsl:text>]&#10;</xsl:text>
    </xsl:for-each>
    <xsl:text>]&#10;</xsl:text>
  </xsl:template>

  <!-- ================================================================ structure == -->

  <xsl:template match="tei:text | tei:front | tei:body | tei:back | tei:group">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="tei:div">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="tei:head">
    <xsl:variable name="level" select="min((count(ancestor::tei:div), 3))"/>
    <xsl:choose>
      <!-- a heading only in the text's own divisions: one in a note, table, quotation or
           floating text cannot start a page, as a heading of the first level does -->
      <xsl:when test="parent::tei:div and $level ge 1 and
                      not(ancestor::*[not(self::tei:div or self::tei:body or self::tei:front
                          or self::tei:back or self::tei:group or self::tei:text
                          or self::tei:TEI or self::tei:teiCorpus)])">
        <xsl:text>&#10;#heading(level: </xsl:text><xsl:value-of select="$level"/>
        <xsl:text>)[</xsl:text><xsl:call-template name="pending-pages"/>
        <xsl:apply-templates/><xsl:text>]&#10;</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>&#10;#par[</xsl:text><xsl:call-template name="pending-pages"/>
        <xsl:text>#strong[</xsl:text><xsl:apply-templates/><xsl:text>]]&#10;</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a block: a paragraph of its own -->
  <xsl:template match="tei:p | tei:ab | tei:byline | tei:docDate | tei:docAuthor[not(parent::tei:byline)]
                       | tei:titlePart | tei:bibl[parent::tei:div or parent::tei:front
                       or parent::tei:quote[tei:p]] | tei:l | tei:trailer | tei:closer
                       | tei:opener | tei:dateline | tei:signed | tei:salute | tei:argument
                       | tei:epigraph | tei:postscript | tei:speaker">
    <xsl:text>&#10;#par[</xsl:text><xsl:call-template name="pending-pages"/>
    <xsl:if test="self::tei:byline or self::tei:docDate or self::tei:titlePart">#emph[</xsl:if>
    <xsl:apply-templates/>
    <xsl:if test="self::tei:byline or self::tei:docDate or self::tei:titlePart">]</xsl:if>
    <xsl:call-template name="trailing-notes"/><xsl:text>]&#10;</xsl:text>
  </xsl:template>

  <!-- stage directions: a paragraph of their own between speeches, in the line within one -->
  <xsl:template match="tei:stage">
    <xsl:text>#emph[</xsl:text><xsl:apply-templates/><xsl:text>]</xsl:text>
  </xsl:template>
  <xsl:template match="tei:stage[te:block-level(.)] | tei:castItem | tei:set[not(tei:p)]">
    <xsl:text>&#10;#par[</xsl:text><xsl:call-template name="pending-pages"/>
    <xsl:if test="self::tei:stage">#emph[</xsl:if>
    <xsl:apply-templates/>
    <xsl:if test="self::tei:stage">]</xsl:if>
    <xsl:call-template name="trailing-notes"/><xsl:text>]&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:quote[tei:p | tei:list | tei:sp | tei:lg] | tei:q[tei:p]">
    <xsl:text>&#10;#quote(block: true)[</xsl:text>
    <xsl:apply-templates/>
    <xsl:text>]&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:list">
    <xsl:apply-templates/>
  </xsl:template>
  <xsl:template match="tei:list/tei:label"/>
  <!-- a label with no item of its own after it is an entry by itself -->
  <xsl:template match="tei:list/tei:label[not(following-sibling::*[1][self::tei:item])]" priority="1">
    <xsl:text>&#10;#par(hanging-indent: 1.2em)[</xsl:text><xsl:apply-templates/>
    <xsl:text>]&#10;</xsl:text>
  </xsl:template>
  <xsl:template match="tei:item">
    <xsl:text>&#10;#par(hanging-indent: 1.2em)[</xsl:text><xsl:call-template name="pending-pages"/>
    <xsl:for-each select="preceding-sibling::*[1][self::tei:label]">
      <xsl:text>#</xsl:text><xsl:value-of select="te:str(concat(normalize-space(.), ' '))"/>
    </xsl:for-each>
    <xsl:apply-templates/>
    <xsl:call-template name="trailing-notes"/><xsl:text>]&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:sp">
    <xsl:text>&#10;#par[</xsl:text><xsl:call-template name="pending-pages"/>
    <xsl:text>#strong[</xsl:text>
    <xsl:apply-templates select="tei:speaker/node()"/>
    <xsl:text>] </xsl:text>
    <xsl:for-each select="(* except tei:speaker) | text()[normalize-space()]">
      <xsl:apply-templates select="if (self::tei:p) then node() else ."/>
      <xsl:text> </xsl:text>
    </xsl:for-each>
    <xsl:call-template name="trailing-notes"/><xsl:text>]&#10;</xsl:text>
  </xsl:template>

  <!-- a table: its heading above it; what a table should not hold (text, blocks) still
       prints, in a cell across the table -->
  <xsl:template match="tei:table">
    <xsl:variable name="columns" select="max((tei:row/count(tei:cell), 1))"/>
    <xsl:for-each select="tei:head">
      <xsl:text>&#10;#par[#strong[</xsl:text><xsl:apply-templates/><xsl:text>]]&#10;</xsl:text>
    </xsl:for-each>
    <xsl:text>&#10;#table(columns: </xsl:text><xsl:value-of select="$columns"/>
    <xsl:for-each select="(* except tei:head) | text()[normalize-space()]">
      <xsl:choose>
        <xsl:when test="self::tei:row">
          <xsl:for-each select="tei:cell">
            <xsl:text>, [</xsl:text><xsl:apply-templates/><xsl:text>]</xsl:text>
          </xsl:for-each>
          <xsl:for-each select="(* except tei:cell) | text()[normalize-space()]">
            <xsl:text>, table.cell(x: 0, colspan: </xsl:text><xsl:value-of select="$columns"/>
            <xsl:text>)[</xsl:text><xsl:apply-templates select="."/><xsl:text>]</xsl:text>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:text>, table.cell(x: 0, colspan: </xsl:text><xsl:value-of select="$columns"/>
          <xsl:text>)[</xsl:text><xsl:apply-templates select="."/><xsl:text>]</xsl:text>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:text>)&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:figure">
    <xsl:text>&#10;#par[#emph[#"[figure]"] </xsl:text>
    <xsl:for-each select="tei:head, tei:figDesc, tei:p,
                          (* except (tei:head | tei:figDesc | tei:p)) | text()[normalize-space()]">
      <xsl:apply-templates select="if (self::tei:head | self::tei:figDesc | self::tei:p) then node()
                                   else ."/>
      <xsl:text> </xsl:text>
    </xsl:for-each>
    <xsl:text>]&#10;</xsl:text>
  </xsl:template>

  <!-- ================================================================== phrases == -->

  <!-- white space between blocks is not text: it would make empty paragraphs -->
  <xsl:template match="text()[not(normalize-space())][parent::tei:div or parent::tei:body
                       or parent::tei:front or parent::tei:back or parent::tei:text
                       or parent::tei:group or parent::tei:list or parent::tei:sp
                       or parent::tei:lg or parent::tei:listBibl or parent::tei:table
                       or parent::tei:row or parent::tei:figure or parent::tei:floatingText
                       or parent::tei:quote[tei:p | tei:list | tei:sp | tei:lg]
                       or parent::tei:q[tei:p] or parent::tei:castList
                       or parent::tei:castGroup]" priority="2"/>

  <xsl:template match="text()">
    <xsl:variable name="text" select="replace(., '\s+', ' ')"/>
    <xsl:if test="$text">
      <xsl:text>#</xsl:text><xsl:value-of select="te:str($text)"/><xsl:text>;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:hi | tei:emph | tei:title[not(ancestor::tei:teiHeader)]
                       | tei:foreign | tei:mentioned | tei:term | tei:soCalled">
    <xsl:variable name="style" select="if (self::tei:hi and contains(@rend, 'bold')) then 'strong'
                                        else 'emph'"/>
    <xsl:choose>
      <xsl:when test="@xml:lang and te:typst-lang(@xml:lang)">
        <xsl:text>#text(lang: "</xsl:text><xsl:value-of select="te:typst-lang(@xml:lang)"/>
        <xsl:text>")[#</xsl:text><xsl:value-of select="$style"/><xsl:text>[</xsl:text>
        <xsl:apply-templates/><xsl:text>]]</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>#</xsl:text><xsl:value-of select="$style"/><xsl:text>[</xsl:text>
        <xsl:apply-templates/><xsl:text>]</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:persName[starts-with(@ref, '#')]">
    <xsl:text>#mention(</xsl:text><xsl:value-of select="te:str(substring(@ref, 2))"/>
    <xsl:text>)[</xsl:text><xsl:apply-templates/><xsl:text>]</xsl:text>
  </xsl:template>

  <!-- The correction (or regularisation, or expansion) in the text; the source's reading in
       the list of emendations, with the page, as a printed critical edition has it. -->
  <xsl:template match="tei:choice">
    <xsl:variable name="printed" select="(tei:corr, tei:reg, tei:expan, *)[1]"/>
    <xsl:variable name="others" select="* except $printed"/>
    <xsl:choose>
      <xsl:when test="$others">
        <xsl:text>#emend(</xsl:text>
        <xsl:value-of select="te:str(string-join($others!normalize-space(), ' | '))"/>
        <xsl:text>, </xsl:text><xsl:value-of select="te:str(normalize-space($printed))"/>
        <xsl:text>)[</xsl:text><xsl:apply-templates select="$printed/node()"/>
        <xsl:text>]</xsl:text>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates select="$printed/node()"/></xsl:otherwise>
    </xsl:choose>
    <xsl:apply-templates select="text()[normalize-space()]"/>
  </xsl:template>

  <!-- Breaks and gaps are empty in TEI; text put in one all the same is kept after it. -->
  <xsl:template match="tei:gap">#"[...]";<xsl:apply-templates/></xsl:template>

  <xsl:template match="tei:metamark">
    <xsl:text>#text(size: 8pt)[#</xsl:text>
    <xsl:value-of select="te:str(concat('{', normalize-space(.), '}'))"/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:lb">#linebreak();<xsl:apply-templates/></xsl:template>

  <xsl:template match="tei:pc">
    <xsl:if test="not(te:line-end-hyphen(.))"><xsl:apply-templates/></xsl:if>
  </xsl:template>

  <!-- The source's page numbers in the margin; a word cut by the page stays whole. A page
       break between blocks is set at the start of the next block, so that its marker stands
       level with the text that begins the page (and moves with it to the next sheet). -->
  <xsl:template match="tei:pb" mode="marker">
    <xsl:variable name="marker" select="concat('#srcpage(', te:str(te:page-label(.)), ');')"/>
    <xsl:value-of select="if (@break = 'no') then concat('#sym.wj;', $marker, '#sym.wj;')
                          else $marker"/>
  </xsl:template>
  <xsl:template match="tei:pb">
    <xsl:apply-templates select="." mode="marker"/>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="tei:pb[te:block-level(.)][te:receiver(.)]" priority="2">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template name="pending-pages">
    <xsl:apply-templates select="key('pending-pb', generate-id())" mode="marker"/>
  </xsl:template>

  <xsl:key name="pending-pb" match="tei:pb[te:block-level(.)]"
           use="te:receiver(.)/generate-id()"/>

  <xsl:function name="te:block-level" as="xs:boolean">
    <xsl:param name="pb" as="element()"/><!-- a pb, a note or a stage direction -->
    <xsl:sequence select="exists($pb/parent::*[self::tei:div or self::tei:body or self::tei:front
                          or self::tei:back or self::tei:text or self::tei:group or self::tei:list
                          or self::tei:lg or self::tei:floatingText
                          or self::tei:quote[tei:p | tei:list | tei:sp | tei:lg]
                          or self::tei:q[tei:p]])"/>
  </xsl:function>

  <!-- the block whose first line begins the page: the next heading or block of its own -->
  <xsl:function name="te:receiver" as="element()?">
    <xsl:param name="pb" as="element()"/>
    <xsl:sequence select="($pb/following::*[te:own-paragraph(.) or self::tei:head[parent::tei:div]
                          [not(ancestor::tei:note or ancestor::tei:teiHeader)]]
                          [ancestor::tei:text])[1]"/>
  </xsl:function>

  <!-- a block set as a paragraph of its own (its template opens #par and takes the pending
       page markers and trailing notes) -->
  <xsl:function name="te:own-paragraph" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el[self::tei:p or self::tei:ab or self::tei:item or self::tei:sp
                          or self::tei:byline or self::tei:l or self::tei:trailer or self::tei:closer
                          or self::tei:opener or self::tei:docDate or self::tei:castItem
                          or self::tei:stage[te:block-level(.)]
                          or self::tei:bibl[parent::tei:div or parent::tei:front]]
                          [not(ancestor::tei:note or ancestor::tei:teiHeader
                               or ancestor::tei:standOff or ancestor::tei:figure
                               or ancestor::tei:table or ancestor::tei:choice
                               or parent::tei:sp)])"/>
  </xsl:function>

  <!-- A note between blocks has no call in the text: it is called at the end of the block
       before it. -->
  <xsl:template match="tei:note[te:block-level(.)][te:anchor(.)]" priority="2"/>

  <xsl:template name="trailing-notes">
    <xsl:apply-templates select="key('trailing-note', generate-id())" mode="attached"/>
  </xsl:template>

  <xsl:key name="trailing-note" match="tei:text//tei:note[te:block-level(.)]"
           use="te:anchor(.)/generate-id()"/>

  <xsl:function name="te:anchor" as="element()?">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="$note/preceding::*[te:own-paragraph(.)][ancestor::tei:text][1]"/>
  </xsl:function>

  <xsl:template match="tei:text//tei:note" mode="#default attached">
    <xsl:text>#footnote[</xsl:text><xsl:apply-templates/><xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:teiHeader | tei:standOff | tei:facsimile"/>

  <!-- Typst nests show rules and brackets only so deep: past $max-nesting ancestors an
       element's styling is left off and its content set plainly (breaks, notes, gaps and
       paragraphs keep their own templates). -->
  <xsl:variable name="max-nesting" as="xs:integer" select="24"/>
  <xsl:template match="*[count(ancestor::*) ge $max-nesting]
                         [not(ancestor::tei:teiHeader) or ancestor::tei:text]
                       [not(self::tei:pb or self::tei:lb or self::tei:note or self::tei:gap
                            or self::tei:metamark or te:own-paragraph(.))]" priority="10">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- ============================================================ back matter == -->

  <xsl:template name="bibliography">
    <xsl:variable name="books" select="//tei:text//tei:bibl[@xml:id][not(@corresp)]"/>
    <xsl:if test="$books">
      <xsl:text>&#10;#heading(level: 1)[#</xsl:text><xsl:value-of select="te:str($bibliography-title)"/>
      <xsl:text>]&#10;</xsl:text>
      <xsl:for-each select="$books">
        <xsl:text>#par(hanging-indent: 1.2em)[</xsl:text>
        <xsl:apply-templates mode="bibliography"/>
        <xsl:text>]&#10;</xsl:text>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- Emendations: page, the reading printed, the source's reading -->
  <xsl:template name="emendations">
    <xsl:if test="$content//tei:choice[*[2]]">
      <xsl:text>&#10;#heading(level: 1)[#</xsl:text><xsl:value-of select="te:str($emendations-title)"/>
      <xsl:text>]&#10;#par[#</xsl:text><xsl:value-of select="te:str($emendations-note)"/>
      <xsl:text><![CDATA[]
#context {
  set text(size: 8.5pt)
  set par(justify: false, hanging-indent: 2em, spacing: 0.35em)
  columns(2, for m in query(<emendation>) {
    let n = counter(page).at(m.location()).first()
    par[#box(width: 2em)[#n]#m.value.corr\] #emph(m.value.sic)]
  })
}
]]></xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- an entry of the quoted editions: its lines joined as a sentence, titles in italics -->
  <xsl:template match="tei:title" mode="bibliography">
    <xsl:text>#emph[</xsl:text><xsl:apply-templates mode="bibliography"/><xsl:text>]</xsl:text>
  </xsl:template>
  <xsl:template match="tei:lb" mode="bibliography">
    <xsl:variable name="before" select="normalize-space(string-join(preceding-sibling::node()
                                        [not(self::tei:note)], ''))"/>
    <xsl:choose>
      <xsl:when test="following-sibling::*[1][self::tei:title[@type = 'sub']]">#": ";</xsl:when>
      <xsl:when test="matches($before, '[.,:;!?]$')">#" ";</xsl:when>
      <xsl:otherwise>#". ";</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:note | tei:pb
                       | text()[not(normalize-space())][following-sibling::node()[1][self::tei:lb]]"
                mode="bibliography"/>
  <xsl:template match="text()" mode="bibliography">
    <xsl:apply-templates select="."/>
  </xsl:template>

  <!-- The index of persons: Typst finds the pages of the mentions; the register gives the
       names, and each variant points to the entry's name. -->
  <xsl:template name="person-index">
    <xsl:variable name="people" select="//tei:standOff//tei:person[key('mentions',
                                        concat('#', @xml:id))]"/>
    <xsl:if test="$people">
      <xsl:text>&#10;#heading(level: 1)[#</xsl:text><xsl:value-of select="te:str($index-title)"/>
      <xsl:text>]&#10;#let people = (&#10;</xsl:text>
      <xsl:for-each select="$people">
        <xsl:text>  (id: </xsl:text><xsl:value-of select="te:str(@xml:id)"/>
        <xsl:text>, name: </xsl:text><xsl:value-of select="te:str(te:index-name(.))"/>
        <xsl:text>, variants: (</xsl:text>
        <xsl:for-each select="tei:persName[@type != 'preferred']">
          <xsl:value-of select="te:str(normalize-space(.))"/><xsl:text>, </xsl:text>
        </xsl:for-each>
        <xsl:text>)),&#10;</xsl:text>
      </xsl:for-each>
      <xsl:text><![CDATA[)
#context {
  let pages = (:)
  for m in query(<person-mention>) {
    let id = m.value
    let n = counter(page).at(m.location()).first()
    pages.insert(id, pages.at(id, default: ()) + (n,))
  }
  let entries = ()
  for p in people {
    let found = pages.at(p.id, default: ())
    if found.len() > 0 {
      entries.push((key: lower(p.name), body: [#p.name, #found.dedup().map(str).join(", ")]))
      for v in p.variants {
        if lower(v) != lower(p.name) {
          entries.push((key: lower(v), body: [#v, _see_ #p.name]))
        }
      }
    }
  }
  set text(size: 8.5pt)
  set par(justify: false, hanging-indent: 1em, spacing: 0.35em)
  columns(2, for e in entries.sorted(key: e => e.key) { par(e.body) })
}
]]></xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:key name="mentions" match="tei:text//tei:persName[@ref]" use="tokenize(normalize-space(@ref))"/>

  <!-- "Stalin, Joseph": surname first when the register says which is the surname -->
  <xsl:function name="te:index-name" as="xs:string">
    <xsl:param name="person" as="element()"/>
    <xsl:variable name="name" select="($person/tei:persName[@type = 'preferred'],
                                       $person/tei:persName)[1]"/>
    <xsl:sequence select="if ($name/tei:surname) then normalize-space(string-join(
                          (string-join($name/tei:surname, ' '),
                           string-join($name/tei:forename, ' ')[.]), ', '))
                          else normalize-space($name)"/>
  </xsl:function>
</xsl:stylesheet>
