<?xml version="1.0" encoding="UTF-8"?>
<!--
  The HTML reading edition: index.html (title page, contents, text, notes, quoted editions)
  and one page per register (persons, places, organisations). Meaning comes from
  xslt/common/common.xsl; this stylesheet decides the markup. Search needs no index file: the
  script reads the text of index.html itself.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:te="urn:tei-edition"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>
  <xsl:include href="params.xsl"/>
  <xsl:include href="registers.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>
  <xsl:mode on-no-match="shallow-skip" use-accumulators="#all"/>
  <xsl:mode name="toc" on-no-match="shallow-skip"/>
  <xsl:mode name="plain" on-no-match="text-only-copy" use-accumulators="#all"/>

  <xsl:variable name="doc" select="/"/>
  <xsl:variable name="title" select="normalize-space((//tei:titleStmt/tei:title)[1])"/>
  <xsl:variable name="lang" select="(/*/@xml:lang, //tei:text/@xml:lang, 'en')[1]"/>
  <!-- what is read: the texts (of a TEI or a teiCorpus), or, for a fragment such as a
       surface, the whole document -->
  <xsl:variable name="content" select="if (//tei:text) then //tei:text[not(ancestor::tei:text)]
                                       else /*"/>

  <!-- ================================================================ index.html == -->

  <xsl:template match="/">
    <xsl:for-each select="distinct-values($content//descendant-or-self::*
                          [not(te:known(.))]/name())">
      <xsl:message select="concat('unhandled element: ', .)"/>
    </xsl:for-each>
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="($title[.], 'TEI edition')[1]"/>
      <xsl:with-param name="content">
        <xsl:call-template name="title-page"/>
        <xsl:call-template name="toc"/>
        <main id="text" lang="{$lang}">
          <xsl:apply-templates select="$content"/>
        </main>
        <xsl:call-template name="notes"/>
        <xsl:call-template name="bibliography"/>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="registers"/>
  </xsl:template>

  <xsl:template name="page">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="content"/>
    <xsl:param name="class" select="'edition'"/>
    <html lang="{$lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/></title>
        <link rel="stylesheet" href="{$assets}/edition.css"/>
        <script src="{$assets}/edition.js" defer=""/>
      </head>
      <body class="{$class}">
        <a class="skip" href="#text">Skip to the text</a>
        <xsl:call-template name="navigation"/>
        <xsl:copy-of select="$content"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="navigation">
    <nav class="site" aria-label="Edition">
      <a href="index.html">Text</a>
      <xsl:if test="$persons-page and //tei:standOff/tei:listPerson">
        <a href="{$persons-page}">Persons</a>
      </xsl:if>
      <xsl:if test="$places-page and //tei:standOff/tei:listPlace">
        <a href="{$places-page}">Places</a>
      </xsl:if>
      <xsl:if test="$organisations-page and //tei:standOff/tei:listOrg">
        <a href="{$organisations-page}">Organisations</a>
      </xsl:if>
      <form class="search" role="search" action="index.html" onsubmit="return false">
        <label for="search-box">Search</label>
        <input id="search-box" type="search" autocomplete="off"
               aria-describedby="search-help" aria-controls="search-results"/>
        <span id="search-help" class="hint">needs JavaScript</span>
        <div id="search-results" role="region" aria-live="polite" aria-label="Search results"
             hidden=""/>
      </form>
      <label class="switch">
        <input type="checkbox" id="diplomatic"/> Diplomatic reading
      </label>
    </nav>
  </xsl:template>

  <!-- The title page: what the header says about the text and its encoding. -->
  <xsl:template name="title-page">
    <header class="title-page">
      <h1><xsl:value-of select="$title"/></h1>
      <xsl:for-each select="//tei:titleStmt/tei:author">
        <p class="author">by <xsl:value-of select="normalize-space(.)"/></p>
      </xsl:for-each>
      <xsl:for-each select="(//tei:sourceDesc//tei:date[@when])[1]">
        <p class="date"><time datetime="{@when}"><xsl:value-of select="normalize-space(.)"/></time></p>
      </xsl:for-each>
      <xsl:if test="//tei:sourceDesc">
        <details class="about">
          <summary>About this edition</summary>
          <h2>Source</h2>
          <xsl:for-each select="//tei:sourceDesc/*">
            <p><xsl:apply-templates select="." mode="plain"/></p>
          </xsl:for-each>
          <xsl:if test="//tei:editorialDecl">
            <h2>Editorial conventions</h2>
            <xsl:for-each select="//tei:editorialDecl//tei:p">
              <p><xsl:value-of select="normalize-space(.)"/></p>
            </xsl:for-each>
          </xsl:if>
        </details>
      </xsl:if>
    </header>
  </xsl:template>

  <!-- ================================================================== contents == -->

  <xsl:template name="toc">
    <xsl:if test="//tei:body//tei:div">
      <nav class="toc" aria-labelledby="toc-title">
        <h2 id="toc-title">Contents</h2>
        <ol>
          <xsl:apply-templates select="//tei:body/tei:div | //tei:front/tei:div[tei:head]"
                               mode="toc"/>
        </ol>
      </nav>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:div" mode="toc">
    <li>
      <a href="#{te:id(.)}">
        <xsl:value-of select="(normalize-space(string-join(
          (tei:head[1]//text()[not(ancestor::tei:note)]), ''))[.],
          concat('[', (@type, 'division')[1], ']'))[1]"/>
      </a>
      <xsl:if test="tei:div">
        <ol><xsl:apply-templates select="tei:div" mode="toc"/></ol>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- ================================================================ structure == -->

  <xsl:template match="tei:text | tei:front | tei:body | tei:back | tei:group">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="tei:div">
    <section id="{te:id(.)}" class="div {@type}">
      <xsl:apply-templates/>
    </section>
  </xsl:template>

  <xsl:template match="tei:head">
    <xsl:variable name="level" select="min((count(ancestor::tei:div) + 1, 6))"/>
    <xsl:choose>
      <xsl:when test="parent::tei:div or parent::tei:body or parent::tei:front">
        <xsl:element name="h{$level}">
          <xsl:call-template name="lang"/>
          <xsl:apply-templates/>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise>
        <p class="head"><xsl:apply-templates/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab">
    <p id="{te:id(.)}">
      <xsl:call-template name="lang"/>
      <xsl:apply-templates/>
    </p>
  </xsl:template>

  <xsl:template match="tei:titlePage">
    <div class="titlePage"><xsl:apply-templates/></div>
  </xsl:template>
  <xsl:template match="tei:docTitle | tei:docImprint">
    <div class="{local-name()}"><xsl:apply-templates/></div>
  </xsl:template>
  <xsl:template match="tei:titlePart | tei:byline | tei:docAuthor[not(parent::tei:byline)]
                       | tei:docDate | tei:opener | tei:closer | tei:salute | tei:signed
                       | tei:dateline | tei:trailer | tei:argument | tei:epigraph
                       | tei:postscript">
    <p class="{local-name()}"><xsl:apply-templates/></p>
  </xsl:template>
  <xsl:template match="tei:byline/tei:docAuthor">
    <span class="docAuthor"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:list">
    <xsl:variable name="element" select="if (@type = ('ordered', 'toc') or tei:label) then 'ol'
                                         else 'ul'"/>
    <xsl:apply-templates select="tei:head"/>
    <xsl:element name="{$element}">
      <xsl:attribute name="class" select="string-join(('list', @type), ' ')"/>
      <xsl:apply-templates select="node() except tei:head"/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="tei:list/tei:head">
    <p class="head"><xsl:apply-templates/></p>
  </xsl:template>
  <xsl:template match="tei:item">
    <li id="{te:id(.)}">
      <xsl:if test="@n and matches(@n, '^\d+$')">
        <xsl:attribute name="value" select="@n"/>
      </xsl:if>
      <xsl:apply-templates select="preceding-sibling::*[1][self::tei:label]" mode="label"/>
      <xsl:apply-templates/>
    </li>
  </xsl:template>
  <xsl:template match="tei:list/tei:label"/>
  <!-- a label with no item of its own after it is an entry by itself -->
  <xsl:template match="tei:list/tei:label[not(following-sibling::*[1][self::tei:item])]" priority="1">
    <li><xsl:apply-templates select="." mode="label"/></li>
  </xsl:template>
  <xsl:template match="tei:label" mode="label">
    <span class="label"><xsl:apply-templates/></span>
    <xsl:text> </xsl:text>
  </xsl:template>
  <xsl:template match="tei:label">
    <span class="label"><xsl:apply-templates/></span>
  </xsl:template>
  <!-- page breaks between items belong to the next item's place in the list -->
  <xsl:template match="tei:list/tei:pb">
    <li class="pb-item" aria-hidden="true"><xsl:next-match/></li>
  </xsl:template>

  <xsl:template match="tei:sp">
    <div class="sp" id="{te:id(.)}"><xsl:apply-templates/></div>
  </xsl:template>
  <xsl:template match="tei:speaker">
    <p class="speaker"><xsl:apply-templates/></p>
  </xsl:template>
  <xsl:template match="tei:stage">
    <p class="stage"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:lg">
    <div class="lg" id="{te:id(.)}"><xsl:apply-templates/></div>
  </xsl:template>
  <xsl:template match="tei:l">
    <span class="l"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:table">
    <table id="{te:id(.)}">
      <xsl:for-each select="tei:head"><caption><xsl:apply-templates/></caption></xsl:for-each>
      <xsl:for-each select="node() except tei:head">
        <xsl:choose>
          <xsl:when test="self::tei:row"><xsl:apply-templates select="."/></xsl:when>
          <!-- what a table should not hold still reads, in a row of its own -->
          <xsl:when test="self::* or normalize-space()">
            <tr><td><xsl:apply-templates select="."/></td></tr>
          </xsl:when>
        </xsl:choose>
      </xsl:for-each>
    </table>
  </xsl:template>
  <xsl:template match="tei:row">
    <tr><xsl:apply-templates/></tr>
  </xsl:template>
  <xsl:template match="tei:cell">
    <xsl:element name="{if (@role = 'label' or parent::tei:row/@role = 'label') then 'th' else 'td'}">
      <xsl:if test="@cols"><xsl:attribute name="colspan" select="@cols"/></xsl:if>
      <xsl:if test="@rows"><xsl:attribute name="rowspan" select="@rows"/></xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:figure">
    <figure>
      <xsl:apply-templates select="tei:graphic"/>
      <xsl:variable name="other" select="(* except (tei:graphic | tei:head | tei:figDesc | tei:p))
                                         | text()[normalize-space()]"/>
      <xsl:if test="tei:head | tei:figDesc | tei:p | $other">
        <figcaption>
          <xsl:for-each select="tei:head, tei:figDesc, tei:p, $other">
            <xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if>
            <xsl:apply-templates select="if (self::tei:head | self::tei:figDesc | self::tei:p)
                                         then node() else ."/>
          </xsl:for-each>
        </figcaption>
      </xsl:if>
    </figure>
  </xsl:template>
  <xsl:template match="tei:graphic">
    <img src="{@url}" alt="{normalize-space((tei:desc, ../tei:figDesc)[1])}"/>
    <xsl:apply-templates select="node() except tei:desc"/>
  </xsl:template>

  <!-- ============================================================== quotations == -->

  <!-- a quotation with paragraphs in it is set off as a block -->
  <xsl:template match="tei:quote[tei:p | tei:list | tei:sp | tei:lg] | tei:q[tei:p]">
    <blockquote class="{string-join(('quote', @type), ' ')}">
      <xsl:variable name="book" select="te:target(., @source)"/>
      <xsl:if test="$book">
        <xsl:attribute name="cite" select="concat('#', te:id($book))"/>
      </xsl:if>
      <xsl:apply-templates/>
      <xsl:if test="$book">
        <p class="source">From <a href="#{te:id($book)}">
          <xsl:apply-templates select="$book" mode="short"/></a></p>
      </xsl:if>
    </blockquote>
  </xsl:template>

  <xsl:template match="tei:quote | tei:q | tei:said">
    <span class="{local-name()}">
      <xsl:call-template name="lang"/>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:template match="tei:cit">
    <span class="cit"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- a bibliographic block (title / author / imprint on lines) -->
  <xsl:template match="tei:bibl[parent::tei:div or parent::tei:body or parent::tei:quote
                       [tei:p] or parent::tei:listBibl or parent::tei:front]">
    <p class="bibl" id="{te:id(.)}"><xsl:apply-templates/></p>
  </xsl:template>
  <xsl:template match="tei:bibl">
    <cite class="bibl">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
      <xsl:apply-templates/>
    </cite>
  </xsl:template>
  <xsl:template match="tei:listBibl">
    <div class="listBibl"><xsl:apply-templates/></div>
  </xsl:template>
  <xsl:template match="tei:biblScope | tei:edition | tei:publisher | tei:pubPlace | tei:author
                       | tei:editor | tei:idno">
    <span class="{local-name()}"><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="tei:title">
    <i class="title"><xsl:call-template name="lang"/><xsl:apply-templates/></i>
  </xsl:template>

  <!-- A book in short: author and title. -->
  <xsl:template match="tei:bibl" mode="short">
    <xsl:value-of select="(string-join((normalize-space(tei:author[1]),
                          normalize-space((tei:title[not(@type = 'sub')], tei:title)[1]))[.],
                          ', ')[.], normalize-space(.))[1]"/>
  </xsl:template>

  <!-- The bibliography: every book the text quotes from or cites by a siglum. -->
  <xsl:template name="bibliography">
    <xsl:variable name="books" select="//tei:text//tei:bibl[@xml:id]"/>
    <xsl:if test="$books">
      <section class="bibliography" aria-labelledby="bibliography-title">
        <h2 id="bibliography-title"><xsl:value-of select="$bibliography-title"/></h2>
        <ul>
          <xsl:for-each select="$books">
            <li id="book-{@xml:id}">
              <xsl:apply-templates select="." mode="plain"/>
              <xsl:text> </xsl:text>
              <a href="#{@xml:id}" class="back">in the text</a>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================== phrases == -->

  <xsl:template match="tei:hi | tei:term | tei:mentioned | tei:soCalled
                       | tei:gloss | tei:seg | tei:num | tei:measure | tei:time
                       | tei:roleName | tei:forename | tei:surname | tei:addName | tei:name
                       | tei:geogName | tei:add | tei:unclear | tei:supplied | tei:orig
                       | tei:reg | tei:expan | tei:abbr | tei:desc | tei:resp | tei:respStmt">
    <span class="{local-name()}">
      <xsl:call-template name="lang"/>
      <xsl:apply-templates/>
    </span>
  </xsl:template>
  <xsl:template match="tei:emph">
    <em><xsl:apply-templates/></em>
  </xsl:template>
  <xsl:template match="tei:del">
    <del><xsl:apply-templates/></del>
  </xsl:template>

  <xsl:template match="tei:foreign">
    <span class="foreign" lang="{@xml:lang}"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:date | tei:birth | tei:death">
    <xsl:variable name="value" select="te:date-value(.)"/>
    <xsl:choose>
      <xsl:when test="@when and not(@when castable as xs:dateTime)">
        <time datetime="{@when}" class="date" title="{$value}" data-when="{@when}">
          <xsl:apply-templates/>
        </time>
      </xsl:when>
      <xsl:otherwise>
        <span class="date" title="{$value}">
          <xsl:for-each select="@from, @to, @notBefore, @notAfter, @when">
            <xsl:attribute name="data-{lower-case(local-name())}" select="."/>
          </xsl:for-each>
          <xsl:apply-templates/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:persName | tei:placeName | tei:orgName">
    <xsl:variable name="entry" select="te:target(., @ref)"/>
    <xsl:variable name="page" select="te:register-page(.)"/>
    <!-- HTML links do not nest: a name inside a link or a linked name is not a link itself -->
    <xsl:variable name="in-link" select="exists(ancestor::*[self::tei:ref or self::tei:ptr
      or ((self::tei:persName or self::tei:placeName or self::tei:orgName)
          and te:target(., @ref))])"/>
    <xsl:choose>
      <xsl:when test="$entry and $page and not($in-link)">
        <a class="{local-name()}" id="{te:id(.)}" href="{$page}#{@ref => substring(2)}">
          <xsl:apply-templates/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="{local-name()}" id="{te:id(.)}"><xsl:apply-templates/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:ref | tei:ptr">
    <xsl:variable name="target" select="tokenize(normalize-space(@target), ' ')[1]"/>
    <a href="{if (starts-with($target, '#') and te:target(., $target)/self::tei:bibl)
              then concat('#book-', substring($target, 2)) else $target}">
      <xsl:apply-templates/>
      <xsl:if test="self::tei:ptr"><xsl:value-of select="$target"/></xsl:if>
    </a>
  </xsl:template>

  <!-- a correction is read; the original is on hover and in the diplomatic reading -->
  <xsl:template match="tei:choice[tei:sic and tei:corr]">
    <span class="choice">
      <span class="corr" title="original: {normalize-space(tei:sic)}">
        <xsl:apply-templates select="tei:corr/node()"/>
      </span>
      <span class="sic" title="corrected: {normalize-space(tei:corr)}">
        <xsl:apply-templates select="tei:sic/node()"/>
      </span>
    </span>
    <xsl:apply-templates select="(* except (tei:sic | tei:corr)) | text()[normalize-space()]"/>
  </xsl:template>
  <xsl:template match="tei:choice[tei:abbr and tei:expan]">
    <abbr title="{normalize-space(tei:expan)}"><xsl:apply-templates select="tei:abbr/node()"/></abbr>
    <xsl:apply-templates select="(* except (tei:abbr | tei:expan)) | text()[normalize-space()]"/>
  </xsl:template>
  <xsl:template match="tei:choice[tei:orig and tei:reg]">
    <span class="choice">
      <span class="corr" title="original: {normalize-space(tei:orig)}">
        <xsl:apply-templates select="tei:reg/node()"/>
      </span>
      <span class="sic"><xsl:apply-templates select="tei:orig/node()"/></span>
    </span>
    <xsl:apply-templates select="(* except (tei:orig | tei:reg)) | text()[normalize-space()]"/>
  </xsl:template>
  <xsl:template match="tei:choice">
    <span class="choice">
      <xsl:if test="*[2]">
        <xsl:attribute name="title" select="string-join(*[position() gt 1]!normalize-space(), ' | ')"/>
      </xsl:if>
      <xsl:for-each select="*[1] | text()[normalize-space()]">
        <xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if>
        <xsl:apply-templates select="if (self::*) then node() else ."/>
      </xsl:for-each>
    </span>
  </xsl:template>
  <xsl:template match="tei:sic | tei:corr">
    <span class="{local-name()}-only" title="{if (self::tei:sic) then 'as in the source'
                                            else 'corrected'}">
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- ======================================================= breaks and apparatus == -->

  <!-- Page breaks are margin markers; their label is generated content, so a word cut by
       one (break="no") stays one word in the reading text. -->
  <!-- Breaks and gaps are empty in TEI; text put in one all the same is kept after it. -->
  <xsl:template match="tei:pb">
    <span class="pb" id="{te:page-id(.)}" data-label="{te:page-label(.)}" role="note"
          aria-label="page break: {te:page-label(.)}"/>
    <xsl:apply-templates/>
  </xsl:template>
  <xsl:template match="tei:lb">
    <xsl:if test="not(@break = 'no')"><br/></xsl:if>
    <xsl:apply-templates/>
  </xsl:template>
  <xsl:template match="tei:cb | tei:milestone">
    <span class="{local-name()}" data-unit="{@unit}"/>
    <xsl:apply-templates/>
  </xsl:template>
  <xsl:template match="tei:pc">
    <xsl:if test="not(te:line-end-hyphen(.))"><xsl:apply-templates/></xsl:if>
  </xsl:template>

  <xsl:template match="tei:gap">
    <span class="gap" title="{string-join(('omitted', @reason[. != 'omitted']), ': ')}">[...]</span>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="tei:metamark">
    <span class="metamark" title="{if (@function = 'endquote') then 'end of the quotation'
                                   else (@function, 'mark')[1]}">{<xsl:apply-templates/>}</span>
  </xsl:template>

  <!-- a note: a numbered call that opens the note (a link to the list without JavaScript) -->
  <xsl:template match="tei:text//tei:note">
    <xsl:variable name="n" select="accumulator-before('note-number')"/>
    <a class="note-call" id="call-{$n}" href="#note-{$n}" role="doc-noteref"
       aria-describedby="note-{$n}-text" data-note="{$n}">
      <xsl:value-of select="$n"/>
    </a>
  </xsl:template>

  <xsl:template name="notes">
    <xsl:variable name="notes" select="//tei:text//tei:note"/>
    <xsl:if test="$notes">
      <section class="notes" role="doc-endnotes" aria-labelledby="notes-title">
        <h2 id="notes-title"><xsl:value-of select="$notes-title"/></h2>
        <ol>
          <xsl:for-each select="$notes">
            <xsl:variable name="n" select="accumulator-before('note-number')"/>
            <li id="note-{$n}" class="note {@type}" role="doc-endnote">
              <span id="note-{$n}-text" class="note-text">
                <xsl:apply-templates/>
              </span>
              <xsl:if test="@resp">
                <span class="resp"> (<xsl:value-of select="(normalize-space(
                  te:target(., @resp)/(tei:name, tei:persName)[1])[.], substring(@resp, 2))[1]"
                  />)</span>
              </xsl:if>
              <xsl:text> </xsl:text>
              <a class="back" href="#call-{$n}" role="doc-backlink"
                 aria-label="back to the text of note {$n}">↩</a>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ other elements == -->

  <xsl:template match="tei:teiHeader | tei:standOff | tei:facsimile"/>

  <!-- Elements this edition does not know: their text stays, in an element named after
       them (a block if it holds blocks). -->
  <xsl:template match="*[not(te:known(.))]" priority="-1">
    <xsl:element name="{if (te:is-block(.)) then 'div' else 'span'}">
      <xsl:attribute name="class" select="local-name()"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="text()">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template name="lang">
    <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
  </xsl:template>

  <!-- plain: text only, notes left out (for summaries) -->
  <xsl:template match="tei:note" mode="plain"/>
  <xsl:template match="tei:pc[te:line-end-hyphen(.)]" mode="plain"/>
  <xsl:template match="tei:choice" mode="plain">
    <xsl:apply-templates select="(tei:corr, tei:reg, tei:expan, *)[1]" mode="plain"/>
  </xsl:template>
</xsl:stylesheet>
