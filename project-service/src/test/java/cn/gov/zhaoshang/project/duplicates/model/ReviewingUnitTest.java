package cn.gov.zhaoshang.project.duplicates.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReviewingUnitTest {

    @Test
    void twoCountiesOfOneCityAreReviewedByTheCity() {
        assertThat(ReviewingUnit.pathFor("450000.450800.450881", "450000.450800.450802")).isEqualTo("450000.450800");
    }

    @Test
    void twoCitiesAreReviewedByTheRegion() {
        assertThat(ReviewingUnit.pathFor("450000.450800.450881", "450000.450100.450102")).isEqualTo("450000");
    }

    @Test
    void aDuplicateInTheRegisteringCountyItselfGoesToTheUnitAboveIt() {
        assertThat(ReviewingUnit.pathFor("450000.450800.450881", "450000.450800.450881")).isEqualTo("450000.450800");
    }

    @Test
    void aParksPooledProjectLikeOneOfItsCountyIsReviewedByTheCounty() {
        assertThat(ReviewingUnit.pathFor("450000.450800.450881.P1", "450000.450800.450881")).isEqualTo("450000.450800.450881");
        // and the other way round, the county's like one of its park's goes to the city
        assertThat(ReviewingUnit.pathFor("450000.450800.450881", "450000.450800.450881.P1")).isEqualTo("450000.450800");
    }

    @Test
    void withTheDuplicateUnknownTheUnitAboveTheRegisteringOneDecides() {
        assertThat(ReviewingUnit.pathFor("450000.450800.450881", null)).isEqualTo("450000.450800");
    }
}
