package org.dit.query.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.dit.events.client.EthnicCategory;
import org.dit.events.client.Gender;
import org.dit.query.client.ClientDemographics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The groups of the equality breakdowns: broad ethnic groups, age bands at their edges, the unknown client. */
class GroupByTest {

    private static final LocalDate REFERRED_ON = LocalDate.of(2026, 3, 2);

    @ParameterizedTest
    @CsvSource({"2008-03-03, Under 18", "2008-03-02, 18-25", "2000-03-03, 18-25", "2000-03-02, 26-35",
            "1990-03-03, 26-35", "1990-03-02, 36-45", "1980-03-02, 46-55", "1970-03-03, 46-55", "1970-03-02, 56-64",
            "1961-03-03, 56-64", "1961-03-02, 65 and over"})
    void givenABirthDate_whenBanded_thenTheAgeOnTheReferralDateDecides(LocalDate born, String band) {
        assertThat(GroupBy.AGE_BAND.groupOf(new ClientDemographics(Gender.FEMALE, EthnicCategory.A, born), REFERRED_ON))
                .isEqualTo(band);
    }

    @Test
    void givenEachEthnicCategory_whenGrouped_thenItFallsInItsBroadGroup() {
        assertThat(GroupBy.broadEthnicGroup(EthnicCategory.C)).isEqualTo("White");
        assertThat(GroupBy.broadEthnicGroup(EthnicCategory.G)).isEqualTo("Mixed");
        assertThat(GroupBy.broadEthnicGroup(EthnicCategory.K)).isEqualTo("Asian or Asian British");
        assertThat(GroupBy.broadEthnicGroup(EthnicCategory.P)).isEqualTo("Black or Black British");
        assertThat(GroupBy.broadEthnicGroup(EthnicCategory.R)).isEqualTo("Other ethnic groups");
        assertThat(GroupBy.broadEthnicGroup(EthnicCategory.Z)).isEqualTo("Not stated");
    }

    @Test
    void givenAClientUnregisteredOrForgotten_whenGrouped_thenNotKnown() {
        for (GroupBy by : new GroupBy[] {GroupBy.ETHNICITY, GroupBy.GENDER, GroupBy.AGE_BAND}) {
            assertThat(by.groupOf(null, REFERRED_ON)).isEqualTo(GroupBy.UNKNOWN);
        }
        assertThat(GroupBy.GENDER.groupOf(new ClientDemographics(null, null, null), REFERRED_ON)).isEqualTo(GroupBy.UNKNOWN);
    }

    @Test
    void givenTheParameter_whenParsed_thenAnyCaseOfTheFourNames_andNothingElse() {
        assertThat(GroupBy.parse("ageBand")).isEqualTo(GroupBy.AGE_BAND);
        assertThat(GroupBy.parse("ETHNICITY")).isEqualTo(GroupBy.ETHNICITY);
        assertThatThrownBy(() -> GroupBy.parse("postcode")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenAGroupOfFourOrFive_whenShown_thenFourIsSuppressedWithoutAnyFigure() {
        assertThat(OutcomeGroup.of("White", 4, null)).isEqualTo(new OutcomeGroup("White", true, null, null));
        assertThat(OutcomeGroup.of("White", 5, null).suppressed()).isFalse();
    }
}
