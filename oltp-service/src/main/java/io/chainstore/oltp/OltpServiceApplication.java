package io.chainstore.oltp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class OltpServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(OltpServiceApplication.class, args);
  }
}
