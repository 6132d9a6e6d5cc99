"""The schema engines: lxml for XSD 1.0, RELAX NG and Schematron (compiled C, fast),
xmlschema for XSD 1.1 (assertions)."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree, isoschematron

from tei.io import InputError, safe_parser
from tei.validate import Located, Problem
from tei.validate.rules import RULES

XS = "http://www.w3.org/2001/XMLSchema"
SVRL = "{http://purl.oclc.org/dsdl/svrl}"
_CLARK = re.compile(r"\{[^}]*\}")


def _parse_schema(path: Path) -> etree._ElementTree:
    try:
        return etree.parse(str(path), safe_parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(f"schema is not well-formed: {exc.msg}", str(path),
                         *(exc.position or (0, 0))) from None
    except OSError as exc:
        raise InputError(f"cannot read schema: {exc}", str(path)) from None


def _log_problems(log, path: str, rule: str, located: Located) -> list[Problem]:
    return [Problem(path, e.line, e.column + 1 if e.column else located.column(e.line), "error",
                    rule, _CLARK.sub("", e.message)) for e in log]


class RelaxNG:
    def __init__(self, path: Path) -> None:
        self.name = path.name
        try:
            self.schema = etree.RelaxNG(_parse_schema(path))
        except etree.RelaxNGParseError as exc:
            raise InputError(f"invalid RELAX NG schema: {exc}", str(path)) from None

    def check(self, tree: etree._ElementTree, path: str, located: Located) -> list[Problem]:
        if self.schema.validate(tree):
            return []
        return _log_problems(self.schema.error_log, path, "relaxng", located)


# The ISO skeleton writes each failure's location as a full XPath, counting the preceding
# siblings at every step, and that path must be evaluated again to find the element: both
# quadratic when thousands of siblings fail. The compiled validator instead calls back into
# Python with the element itself, which is kept by number.
_WHERE_NS = "urn:x-tei-edition:schematron"
_AXSL = "{http://www.w3.org/1999/XSL/Transform}"


class Schematron:
    def __init__(self, path: Path) -> None:
        self.name = path.name
        self._found: list[etree._Element] = []
        try:
            sch = isoschematron.iso_abstract_expand(
                isoschematron.iso_dsdl_include(_parse_schema(path).getroot()))
            if isoschematron.schematron_schema_valid_supported and \
                    not isoschematron.schematron_schema_valid(sch):
                raise etree.SchematronParseError(
                    str(isoschematron.schematron_schema_valid.error_log))
            compiled = isoschematron.iso_svrl_for_xslt1(sch)
            where = {"*": "w:where(.)", "@*": "concat(w:where(..), '/@', name())"}
            for template in compiled.getroot().iter(f"{_AXSL}template"):
                if template.get("mode") == "schematron-get-full-path" and \
                        template.get("match") in where:
                    select = where[template.get("match")]
                    template[:] = []
                    etree.SubElement(template, f"{_AXSL}value-of", select=select,
                                     nsmap={"w": _WHERE_NS})
            self.validator = etree.XSLT(compiled, access_control=etree.XSLTAccessControl.DENY_ALL,
                                        extensions={(_WHERE_NS, "where"): self._where})
        except (etree.SchematronParseError, etree.XSLTParseError) as exc:
            raise InputError(f"invalid Schematron schema: {exc}", str(path)) from None

    def _where(self, _context, nodes) -> str:
        self._found.append(nodes[0])
        return f"#{len(self._found) - 1}"

    def check(self, tree: etree._ElementTree, path: str, located: Located) -> list[Problem]:
        self._found = []
        report = self.validator(tree)
        problems = []
        for failed in report.getroot().iter(f"{SVRL}failed-assert", f"{SVRL}successful-report"):
            location = failed.get("location", "")
            if location.startswith("#"):  # "#7", or "#7/@when" for an attribute of it
                el = self._found[int(location[1:].split("/", 1)[0])]
            else:  # the document itself, or a text node's path as the skeleton writes it
                try:
                    found = tree.xpath(location or "/")
                except etree.XPathError:
                    found = []
                el = found[0] if found and isinstance(found[0], etree._Element) else None
            text = " ".join("".join(failed.itertext()).split())
            role = failed.get("role", "")
            severity = "warning" if role in ("warning", "warn", "info") else "error"
            line = el.sourceline if el is not None else 0
            problems.append(Problem(path, line, located.column(line, el), severity,
                                    failed.get("id") or "schematron", text))
        self._found = []
        return problems


class XSD:
    """Any XSD: 1.0 schemas with lxml; 1.1 schemas (or what lxml cannot read) with xmlschema."""

    def __init__(self, path: Path) -> None:
        self.name = path.name
        doc = _parse_schema(path)
        self.lxml = None
        self.xmlschema = None
        if not _is_xsd11(doc):
            try:
                self.lxml = etree.XMLSchema(doc)
                return
            except etree.XMLSchemaParseError:
                pass
        self.xmlschema = _xmlschema(path, _is_xsd11(doc))

    def check(self, tree: etree._ElementTree, path: str, located: Located) -> list[Problem]:
        if self.lxml is not None:
            if self.lxml.validate(tree):
                return []
            return _log_problems(self.lxml.error_log, path, "xsd", located)
        problems = []
        for e in self.xmlschema.iter_errors(tree):
            line = getattr(e, "sourceline", 0) or 0
            el = e.elem if isinstance(getattr(e, "elem", None), etree._Element) else None
            problems.append(Problem(path, line, located.column(line, el), "error", "xsd",
                                    _xmlschema_message(e)))
        return problems


def _is_xsd11(doc: etree._ElementTree) -> bool:
    root = doc.getroot()
    version = root.get("{http://www.w3.org/2007/XMLSchema-versioning}minVersion", "")
    return version.startswith("1.1") or bool(
        root.xpath("//xs:assert | //xs:alternative | //xs:openContent", namespaces={"xs": XS}))


def _xmlschema(path: Path, version11: bool):
    import xmlschema

    cls = xmlschema.XMLSchema11 if version11 else xmlschema.XMLSchema10
    try:
        return cls(str(path), allow="local")
    except (xmlschema.XMLSchemaException, OSError) as exc:
        raise InputError(f"invalid XSD: {exc}", str(path)) from None


def _xmlschema_message(error) -> str:
    reason = getattr(error, "reason", None) or str(error).splitlines()[0]
    where = getattr(error, "path", None)
    return _CLARK.sub("", f"{reason} (at {where})" if where else reason)


class ProjectSchema:
    """The project's customization: its XSD 1.1 checked in two parts (the content models by
    lxml, from the schema less its assertions; the assertions by xmlschema's XPath 2.0 engine
    on just the elements that have them), the Schematron rules and :mod:`rules`."""

    def __init__(self, xsd: Path, sch: Path) -> None:
        self.name = xsd.name
        doc = _parse_schema(xsd)
        structural = _without_assertions(doc)
        self.structure = etree.XMLSchema(structural)
        self.assertions = _assertions(_xmlschema(xsd, True))
        self.rules = Schematron(sch)

    def check(self, tree: etree._ElementTree, path: str, located: Located) -> list[Problem]:
        if not self.structure.validate(tree):
            return _log_problems(self.structure.error_log, path, "xsd", located)
        problems = self._assert(tree, path, located) + self.rules.check(tree, path, located)
        for rule in RULES:
            problems += rule(tree, path, located)
        return problems

    def _assert(self, tree: etree._ElementTree, path: str, located: Located) -> list[Problem]:
        from elementpath import XPathContext

        problems = []
        for tag, asserts in self.assertions.items():
            for el in tree.iter(tag):
                # an XSD 1.1 assertion sees its element as the root of a fragment; these
                # assertions look no deeper than the children, so the fragment is the
                # element and its children, which keeps a 10 MB document fast
                fragment = _shallow(el)
                for token, message in asserts:
                    context = XPathContext(root=fragment, fragment=True,
                                           namespaces={"tei": "http://www.tei-c.org/ns/1.0"})
                    if not token.evaluate(context):
                        local = el.tag.rsplit("}", 1)[-1]
                        line = el.sourceline or 0
                        problems.append(Problem(path, line, located.column(line, el), "error",
                                                "xsd-assert", f"{local}: {message}"))
        return problems


def _shallow(el: etree._Element) -> etree._Element:
    copy = etree.Element(el.tag, el.attrib)
    for child in el:
        if isinstance(child.tag, str):
            etree.SubElement(copy, child.tag, child.attrib)
    return copy


def _without_assertions(doc: etree._ElementTree) -> etree._ElementTree:
    """The schema as XSD 1.0 (lxml's dialect): assertions and the version marker dropped."""
    copy = etree.ElementTree(etree.fromstring(etree.tostring(doc), base_url=doc.docinfo.URL))
    for a in copy.getroot().iter(f"{{{XS}}}assert"):
        a.getparent().remove(a)
    root = copy.getroot()
    for key in [k for k in root.attrib if "XMLSchema-versioning" in k]:
        del root.attrib[key]
    return copy


def _assertions(schema) -> dict[str, list[tuple[object, str]]]:
    """Element name (Clark) -> [(compiled assertion, its documentation), ...]."""
    out: dict[str, list] = {}
    for name, element in schema.elements.items():
        asserts = getattr(element.type, "assertions", None) or []
        if asserts:
            tag = f"{{{schema.target_namespace}}}{name}"
            for a in asserts:
                if "//" in a.path or "descendant" in a.path:
                    raise ValueError(f"assertion on {name} looks below its children: {a.path}")
            out[tag] = [(a.token, " ".join(str(a.annotation or a.path).split())) for a in asserts]
    return out
