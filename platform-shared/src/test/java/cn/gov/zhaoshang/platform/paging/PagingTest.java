package cn.gov.zhaoshang.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import org.junit.jupiter.api.Test;

class PagingTest {

    static final SortOrders ORDERS = SortOrders.of(
            "name,asc", "t.name ASC", "name,desc", "t.name DESC", "memberCount,desc", "t.member_count DESC");

    @Test
    void aKnownOrderIsFoundWhateverItsCaseAndANameAloneIsAscending() {
        assertThat(Paging.check(0, 20, "MEMBERCOUNT,DESC", ORDERS).orderBy()).isEqualTo("t.member_count DESC");
        assertThat(Paging.check(3, 200, "name", ORDERS).apiName()).isEqualTo("name,asc");
    }

    @Test
    void everyBadParameterIsNamedInOneRefusalAndNoRequestTextReachesSql() {
        assertThatThrownBy(() -> Paging.check(-1, 201, "name;drop table t", ORDERS))
                .isInstanceOfSatisfying(RequestValidationException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("sort", "page", "size"))
                .hasMessageContaining("3 invalid");
        assertThatThrownBy(() -> Paging.check(0, 20, "memberCount,asc", ORDERS))
                .isInstanceOfSatisfying(RequestValidationException.class, e -> assertThat(e.violations().getFirst().message())
                        .isEqualTo("sort by one of memberCount, name, with ,asc or ,desc"));
    }

    @Test
    void aListWithItsOwnMaximumSizeChecksAgainstIt() {
        assertThat(Paging.rangeViolations(0, 500, 500)).isEmpty();
        assertThat(Paging.rangeViolations(0, 501, 500)).extracting(FieldViolation::field).containsExactly("size");
    }
}
