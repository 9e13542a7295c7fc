package dev.sitepulse.crawler.urls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StrippedParametersTest {

  private static final LinkRules DEFAULT = new LinkRules(StrippedParameters.DEFAULT);

  @Test
  void sessionIdsAreStrippedFromTheQueryInAnyCaseAndTheOtherParametersKept() {
    assertThat(DEFAULT.normalize("http://h/item.php?PHPSESSID=abc&id=7")).isEqualTo("http://h/item.php?id=7");
    assertThat(DEFAULT.normalize("http://h/item.php?id=7&phpsessid=abc")).isEqualTo("http://h/item.php?id=7");
    assertThat(DEFAULT.normalize("http://h/a?JSESSIONID=abc")).isEqualTo("http://h/a");
    assertThat(DEFAULT.normalize("http://h/cart.cfm?CFID=123&CFTOKEN=45-AB&step=2")).isEqualTo("http://h/cart.cfm?step=2");
  }

  @Test
  void aNameEndingInAStarIsAPrefixAsForAspSessionIdsAndCampaignTags() {
    assertThat(DEFAULT.normalize("http://h/news.asp?ASPSESSIONIDQSDTRABC=GBDHEIL&n=1")).isEqualTo("http://h/news.asp?n=1");
    assertThat(DEFAULT.normalize("http://h/p?utm_source=mail&utm_medium=x&utm_campaign=y")).isEqualTo("http://h/p");
    // A name must go on past the prefix's end only as far as the name goes: "utm" alone is not utm_*.
    assertThat(DEFAULT.normalize("http://h/p?utm=1")).isEqualTo("http://h/p?utm=1");
  }

  @Test
  void aPathParameterIsStrippedInAnySegmentAndTheQueryAfterItKept() {
    assertThat(DEFAULT.normalize("http://h/list.jsp;jsessionid=0A1B2C")).isEqualTo("http://h/list.jsp");
    assertThat(DEFAULT.normalize("http://h/list.jsp;JSESSIONID=0A1B2C.node1?page=2")).isEqualTo("http://h/list.jsp?page=2");
    assertThat(DEFAULT.normalize("http://h/app;jsessionid=x/list.jsp")).isEqualTo("http://h/app/list.jsp");
    assertThat(DEFAULT.normalize("http://h/a;v=2;jsessionid=x")).isEqualTo("http://h/a;v=2");
  }

  @Test
  void anAspNetCookielessSegmentIsStrippedWhereverItIsAndAPathWithParenthesesKept() {
    assertThat(DEFAULT.normalize("http://h/(S(abc123xyz))/page.aspx")).isEqualTo("http://h/page.aspx");
    assertThat(DEFAULT.normalize("http://h/shop/(S(lit3py55t21z5v55vlm25s55))/cart.aspx?id=7"))
        .isEqualTo("http://h/shop/cart.aspx?id=7");
    assertThat(DEFAULT.normalize("http://h/(A(anon-id_1)S(abc)F(ticket))/")).isEqualTo("http://h/");
    assertThat(DEFAULT.normalize("http://h/app/(S(abc))")).isEqualTo("http://h/app/");
    for (String kept : List.of("http://h/wiki/Mercury_(planet)", "http://h/(S)/a", "http://h/(s(abc))/a",
        "http://h/x(S(abc))/a", "http://h/(S(abc))x/a", "http://h/(S(a/b))/a", "http://h/a?next=/(S(abc))/b")) {
      assertThat(DEFAULT.normalize(kept)).as(kept).isEqualTo(LinkRules.PLAIN.normalize(kept));
    }
    assertThat(LinkRules.PLAIN.normalize("http://h/(S(abc))/page.aspx")).as("none strips nothing")
        .isEqualTo("http://h/(S(abc))/page.aspx");
    assertThat(new LinkRules(StrippedParameters.of(List.of("sid"))).normalize("http://h/(S(abc))/page.aspx"))
        .as("a list of names strips it too: it is no parameter a list could name").isEqualTo("http://h/page.aspx");
  }

  @Test
  void aRedirectThatOnlyAddsASessionIdIsFollowedToTheUrlWithItWhichStrippedWouldBeThePageItself() {
    assertThat(DEFAULT.resolveRedirect("http://h/shop/page.aspx", "/shop/(S(abc))/page.aspx"))
        .isEqualTo("http://h/shop/(S(abc))/page.aspx");
    assertThat(DEFAULT.resolveRedirect("http://h/list.jsp", "list.jsp;jsessionid=A1"))
        .isEqualTo("http://h/list.jsp;jsessionid=A1");
    // To another page, or from one that had an id already: stripped as every URL is.
    assertThat(DEFAULT.resolveRedirect("http://h/shop/page.aspx", "/shop/(S(abc))/other.aspx"))
        .isEqualTo("http://h/shop/other.aspx");
    assertThat(DEFAULT.resolveRedirect("http://h/shop/(S(old))/page.aspx", "/shop/(S(new))/page.aspx"))
        .isEqualTo("http://h/shop/page.aspx");
  }

  @Test
  void aParameterNotListedAndASemicolonInTheQueryAreLeftAlone() {
    assertThat(DEFAULT.normalize("http://h/story?sid=42")).isEqualTo("http://h/story?sid=42");
    assertThat(DEFAULT.normalize("http://h/a;v=2")).isEqualTo("http://h/a;v=2");
    assertThat(DEFAULT.normalize("http://h/a?q=x;jsessionid=y")).isEqualTo("http://h/a?q=x;jsessionid=y");
    assertThat(DEFAULT.normalize("http://h/a?jsessionidx=1")).isEqualTo("http://h/a?jsessionidx=1");
  }

  @Test
  void aListGivenReplacesTheDefaultWhichDefaultBringsBackAndNoneStripsNothing() {
    StrippedParameters sid = StrippedParameters.of(List.of(" SID "));
    assertThat(new LinkRules(sid).normalize("http://h/t?sid=9&f=1&PHPSESSID=x")).isEqualTo("http://h/t?PHPSESSID=x&f=1");
    StrippedParameters more = StrippedParameters.of(List.of("default", "sid"));
    assertThat(more.names()).containsExactly("jsessionid", "phpsessid", "aspsessionid*", "cfid", "cftoken", "utm_*", "sid");
    assertThat(new LinkRules(more).normalize("http://h/t?sid=9&f=1&PHPSESSID=x")).isEqualTo("http://h/t?f=1");
    assertThat(StrippedParameters.of(List.of("none"))).isEqualTo(StrippedParameters.NONE);
    assertThat(StrippedParameters.of(List.of())).isEqualTo(StrippedParameters.NONE);
    assertThat(LinkRules.PLAIN.normalize("http://h/a;jsessionid=x?utm_source=y")).isEqualTo("http://h/a;jsessionid=x?utm_source=y");
  }

  @Test
  void anEntryThatIsNoParameterNameIsRefusedAndQuoted() {
    for (String bad : List.of("a b", "*", "x=1", "")) {
      assertThatThrownBy(() -> StrippedParameters.of(List.of(bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("takes parameter names")
          .hasMessageEndingWith("got \"" + bad + "\"");
    }
    assertThatThrownBy(() -> StrippedParameters.of(List.of("none", "sid")))
        .hasMessage("takes none alone, to strip nothing, got it with other names");
  }

  @Test
  void aUrlWithNothingToStripIsReturnedAsTheSameString() {
    String url = "http://h/library/index.html";
    assertThat(StrippedParameters.DEFAULT.strip(url)).isSameAs(url);
  }
}
