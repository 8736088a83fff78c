package cn.gov.zhaoshang.enterprise;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The enterprise registry: USCC, list memberships by edition, contacts and engagements (issue: enterprise-service). */
@SpringBootApplication
public class EnterpriseServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(EnterpriseServiceApplication.class, args);
    }
}
