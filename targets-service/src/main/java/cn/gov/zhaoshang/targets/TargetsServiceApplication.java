package cn.gov.zhaoshang.targets;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The org-unit tree, resident teams, versioned metric definitions and annual targets (issue: targets-service). */
@SpringBootApplication
public class TargetsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TargetsServiceApplication.class, args);
    }
}
