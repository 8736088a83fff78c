package cn.gov.zhaoshang.targets.orgunits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import cn.gov.zhaoshang.platform.orgunits.OrgLevel;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitReferenceSeeder;
import cn.gov.zhaoshang.platform.orgunits.ReferenceDivisions;
import cn.gov.zhaoshang.platform.orgunits.ReferenceDivisions.Division;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.PostgresServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shared seeder that every other service runs on its first start: an empty local copy gets
 * every reference division, so a fresh installation knows all 126 units everywhere; a copy that is
 * not empty is left to the owner's events. The divisions come parents first whatever the file's order.
 */
class OrgUnitReferenceSeederIT {

    @Test
    void anEmptyLocalCopyGetsAll126UnitsOnceAndACopyThatIsNotEmptyIsLeftToTheEvents() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                PlatformServers.postgres().database("org_copy_fresh"), PostgresServer.USER, PostgresServer.PASSWORD);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        OrgUnitDirectory directory = new OrgUnitDirectory(jdbc);
        OrgUnitReferenceSeeder seeder = new OrgUnitReferenceSeeder(directory, new ReferenceDivisions(),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));

        seeder.afterSingletonsInstantiated();

        assertThat(directory.count()).isEqualTo(126);
        assertThat(jdbc.sql("SELECT count(*) FROM org_unit WHERE level = 'COUNTY' AND nlevel(path) = 3").query(Long.class).single())
                .isEqualTo(111);
        assertThat(directory.find("450302")).hasValueSatisfying(xiufeng -> {
            assertThat(xiufeng.path()).isEqualTo("450000.450300.450302");
            assertThat(xiufeng.nameZh()).isEqualTo("秀峰区");
            assertThat(xiufeng.nameEn()).as("the file has no English name for it yet").isNull();
        });

        jdbc.sql("DELETE FROM org_unit WHERE code = '450302'").update();
        seeder.afterSingletonsInstantiated();
        assertThat(directory.count()).as("a copy that is not empty follows the owner's events instead").isEqualTo(125);
    }

    @Test
    void divisionsComeParentsFirstWhateverTheFilesOrder() {
        List<Division> divisions = ReferenceDivisions.of("org-units/children-before-parents.csv").parentsFirst();

        assertThat(divisions).extracting(Division::code).containsExactly("450000", "450300", "450302", "450303");
        assertThat(divisions.getFirst().parentCode()).isNull();
        assertThat(divisions.get(1).level()).isEqualTo(OrgLevel.CITY);
        assertThat(divisions.get(2).nameEn()).isNull();
    }
}
