package cn.gov.zhaoshang.enterprise;

import cn.gov.zhaoshang.testsupport.ArchitectureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "cn.gov.zhaoshang.enterprise", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlySharedModules = ArchitectureRules.dependsOnlyOnSharedModules("cn.gov.zhaoshang.enterprise");

    @ArchTest
    static final ArchRule controllersReturnDtos = ArchitectureRules.controllersReturnDtos("cn.gov.zhaoshang.enterprise");

    @ArchTest
    static final ArchRule layersPointInward = ArchitectureRules.layersPointInward("cn.gov.zhaoshang.enterprise");

    @ArchTest
    static final ArchRule modelIsPlainJava = ArchitectureRules.modelIsFreeOfSpringAndInfrastructure("cn.gov.zhaoshang.enterprise");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = ArchitectureRules.featuresAreFreeOfCycles("cn.gov.zhaoshang.enterprise");
}
