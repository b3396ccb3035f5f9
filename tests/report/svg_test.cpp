// The SVG builder: escaping, number formatting and well-formed nesting.
#include <limits>

#include <gtest/gtest.h>

#include "pfsim/output/svg.hpp"

namespace pfsim::output::svg {
namespace {

TEST(EscapeXml, EscapesTheFiveMarkupCharacters) {
  EXPECT_EQ(escape_xml(R"(A&E <south> "east" 'west')"), "A&amp;E &lt;south&gt; &quot;east&quot; &#39;west&#39;");
}

TEST(EscapeXml, LeavesUtf8AndPlainTextAlone) {
  EXPECT_EQ(escape_xml("Benfleet – £1.2m ± 5 %"), "Benfleet – £1.2m ± 5 %");
}

TEST(Number, GroupsThousandsAndRoundsToTheDecimalsAsked) {
  EXPECT_EQ(number(108827.35, 1), "108,827.4");
  EXPECT_EQ(number(-1200, 0), "-1,200");
  EXPECT_EQ(number(999.5, 0), "1,000");
  EXPECT_EQ(number(0.004, 2), "0.00");
  EXPECT_EQ(number(-0.001, 1), "0.0");
  EXPECT_EQ(number(1234567, 0), "1,234,567");
}

TEST(Number, PrintsADashForNonFiniteValues) {
  EXPECT_EQ(number(std::numeric_limits<double>::quiet_NaN(), 2), "–");
  EXPECT_EQ(number(std::numeric_limits<double>::infinity(), 0), "–");
}

TEST(Coord, HasAtMostTwoDecimalsAndNoTrailingZeros) {
  EXPECT_EQ(coord(12.5), "12.5");
  EXPECT_EQ(coord(300.0), "300");
  EXPECT_EQ(coord(1.23456), "1.23");
  EXPECT_EQ(coord(-0.001), "0");
}

TEST(DecimalsFor, ShowsTheSpreadToTwoSignificantFigures) {
  EXPECT_EQ(decimals_for(0.23), 2);
  EXPECT_EQ(decimals_for(450), 0);
  EXPECT_EQ(decimals_for(1.5), 1);
  EXPECT_EQ(decimals_for(0), 2);
}

TEST(Builder, EscapesTitleAttributesAndTextAndClosesEveryElement) {
  Builder svg(100, 50, "A&E <4h>");
  svg.open("g", {{"class", "a\"b"}});
  svg.text(1, 2, "x < y & z", "label");
  svg.rect(0, 0, 10, 10, "bar", "5 < n");
  const std::string out = svg.str();
  EXPECT_NE(out.find("<title>A&amp;E &lt;4h&gt;</title>"), std::string::npos);
  EXPECT_NE(out.find(R"(class="a&quot;b")"), std::string::npos);
  EXPECT_NE(out.find(">x &lt; y &amp; z</text>"), std::string::npos);
  EXPECT_NE(out.find("<title>5 &lt; n</title></rect>"), std::string::npos);
  EXPECT_EQ(out.find("A&E"), std::string::npos);
  EXPECT_TRUE(out.ends_with("</g></svg>"));
  EXPECT_TRUE(out.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
}

}  // namespace
}  // namespace pfsim::output::svg
