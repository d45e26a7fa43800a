#include "agenda/indicator.hpp"

#include <gtest/gtest.h>

namespace wa::agenda {
namespace {

TEST(Indicator, ReadsTargetYearAndBaseline) {
  Indicator indicator = read_indicator(
      "% van de mensen van 16 tot 75 jaar met basis digivaardigheden in 2025 (conform Eurostat) "
      "(streefwaarde: 80%, in 2021 was de waarde 79%)");
  EXPECT_FALSE(indicator.to_be_determined);
  EXPECT_EQ(indicator.target_value, "80");
  EXPECT_EQ(indicator.target_year, 2025);
  EXPECT_EQ(indicator.baseline_value, "79");
  EXPECT_EQ(indicator.baseline_year, 2021);
  EXPECT_TRUE(indicator.percent);
}

TEST(Indicator, ReadsATargetWithoutBaseline) {
  Indicator indicator =
      read_indicator("% mensen met een digitale hulpvraag dat in de buurt hulp weet te vinden in "
                     "2025 (streefwaarde: 90%)");
  EXPECT_EQ(indicator.target_value, "90");
  EXPECT_EQ(indicator.target_year, 2025);
  EXPECT_FALSE(indicator.baseline_value.has_value());
}

TEST(Indicator, RecordsNogTeBepalenAsToBeDetermined) {
  Indicator indicator = read_indicator("Nog te bepalen");
  EXPECT_TRUE(indicator.to_be_determined);
  EXPECT_FALSE(indicator.target_value.has_value());
}

TEST(Indicator, KeepsAMeasureWithoutNumbersAsText) {
  Indicator indicator = read_indicator("Percentage van de bestuursorganen dat publiceert");
  EXPECT_FALSE(indicator.to_be_determined);
  EXPECT_FALSE(indicator.target_value.has_value());
  EXPECT_EQ(indicator.text, "Percentage van de bestuursorganen dat publiceert");
}

TEST(Indicator, ReadsDecimalCommas) {
  EXPECT_EQ(read_indicator("x in 2030 (streefwaarde: 2,5%)").target_value, "2.5");
}

} // namespace
} // namespace wa::agenda
