"""One sanitizer for every HTML field, and a plain-text rendering.

Built on nh3 (Python binding of the Rust `ammonia` sanitizer). The allow-list
is what helpdesk mail needs: paragraphs and inline formatting, lists, tables,
quotes, code, links with safe schemes and inline images from `cid:` (mail
attachments) or `https:`. Everything else is removed: scripts and their
content, event handlers, `style` (no CSS expressions), iframes, objects,
embeds, SVG and MathML, forms, and any URL with another scheme
(`javascript:`, `vbscript:`, `data:`, ...). Sanitizing is idempotent.
"""

import re
from html.parser import HTMLParser

import nh3

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
    "dd", "del", "div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span",
    "strike", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "u", "ul",
}  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan", "align", "valign"},
    "th": {"colspan", "rowspan", "align", "valign", "scope"},
    "col": {"span", "width"},
    "colgroup": {"span", "width"},
    "table": {"summary", "width"},
    "ol": {"start", "type"},
    "abbr": {"title"},
    "q": {"cite"},
    "blockquote": {"cite"},
}
# Removed with everything inside them (not just the tags).
DROP_WITH_CONTENT = {"script", "style", "template", "noscript", "iframe", "object", "embed",
                     "svg", "math", "textarea", "select", "title", "head"}  # fmt: skip
LINK_SCHEMES = ("http:", "https:", "mailto:", "tel:")
IMAGE_SCHEMES = ("https:", "cid:")
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*:)")


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Links and images keep only absolute URLs with their allowed schemes."""
    if attribute in ("href", "src", "cite"):
        match = _SCHEME.match(value)
        allowed = IMAGE_SCHEMES if tag == "img" else LINK_SCHEMES
        if not match or match.group(1).lower() not in allowed:
            return None
    return value


_CLEANER = nh3.Cleaner(
    tags=TAGS,
    clean_content_tags=DROP_WITH_CONTENT,
    attributes=ATTRIBUTES,
    attribute_filter=_filter_attribute,
    url_schemes={scheme.rstrip(":") for scheme in LINK_SCHEMES + IMAGE_SCHEMES},
    link_rel="noopener noreferrer nofollow",
    strip_comments=True,
)


# The HTML parser drops one newline right after `<pre>` and the serializer does not put
# it back, so `<pre>` + newline + text would lose a line on every pass: double it.
_PRE_NEWLINE = re.compile(r"<pre>\n")
# Removing a tag but keeping its content (a <form>, an <option>, ...) can leave a tree
# the parser would never build (an <h1> in an <h1>, a <dd> in a <dd>), which parses
# differently next time. A few passes reach the parser's own shape; in practice one
# or two suffice.
_MAX_PASSES = 5


def _clean_once(markup: str) -> str:
    return _PRE_NEWLINE.sub("<pre>\n\n", _CLEANER.clean(markup).strip())


def sanitize(markup: str) -> str:
    """Safe HTML for storage and display; sanitize(sanitize(x)) == sanitize(x)."""
    if not markup:
        return ""
    cleaned = _clean_once(markup)
    for _ in range(_MAX_PASSES):
        again = _clean_once(cleaned)
        if again == cleaned:
            break
        cleaned = again
    return cleaned


_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
           "pre", "hr", "table", "ul", "ol", "dl", "dt", "dd"}  # fmt: skip


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "li":
            self.parts.append("\n- ")
        elif tag in ("td", "th"):
            self.parts.append("\t")
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _BLOCKS and tag != "li":
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def to_text(markup: str) -> str:
    """Readable plain text of (sanitized) HTML: blocks on their own lines, lists with `- `."""
    if not markup:
        return ""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    # convert_charrefs already unescaped the text once; unescaping again would turn an
    # escaped "&amp;lt;" (the text "&lt;") into "<".
    text = "".join(parser.parts).replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
