package io.chainstore.oltp;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class OltpServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(OltpServiceApplication.class, args);
  }

  @Bean
  OpenAPI chainstoreOpenApi() {
    return new OpenAPI()
        .components(
            new Components()
                .addSecuritySchemes(
                    "apiKey",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description(
                            "An API key issued by an HQ admin, per role: storefront, pos and"
                                + " store_manager (bound to one store), hq_analyst, hq_admin."
                                + " 401 without a valid key, 403 for another role or store.")))
        .addSecurityItem(new SecurityRequirement().addList("apiKey"))
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
