"""Publishing: XSLT 3.0 (saxonche) from TEI to an HTML edition and a print edition."""
