package io.chainstore.oltp;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class OltpServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(OltpServiceApplication.class, args);
  }

  @Bean
  OpenAPI chainstoreOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("chainstore transactional API")
                .version("v1")
                .description(
                    "Orders and stock for every channel. Errors are RFC 9457 problem+json with the"
                        + " offending `field`. Write endpoints honour an `Idempotency-Key` header:"
                        + " a retry returns the first response and changes nothing."));
  }
}
