package io.chainstore.oltp.location;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.oltp.ApiTestSupport;
import io.chainstore.oltp.access.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LocationsIT extends ApiTestSupport {

  private String store(String name, String lat, String lon) {
    return """
        {"code": "%s", "name": "%s", "kind": "store", "latitude": %s, "longitude": %s,
         "openingHours": "Mo-Sa 08:00-20:00"}
        """
        .formatted(name + "-" + UUID.randomUUID().toString().substring(0, 6), name, lat, lon);
  }

  @Test
  void nearestStoresComeFirstWithTheirDistance() {
    // Far from everything else the tests create: around Hobart, Tasmania.
    assertThat(post("/api/locations", store("far", "-42.0000", "147.5000"), null).status())
        .isEqualTo(201);
    assertThat(post("/api/locations", store("near", "-42.8800", "147.3200"), null).status())
        .isEqualTo(201);
    assertThat(post("/api/locations", store("middle", "-42.7000", "147.3000"), null).status())
        .isEqualTo(201);

    Reply nearest = get("/api/locations/nearest?latitude=-42.8821&longitude=147.3272&limit=3");
    assertThat(nearest.status()).isEqualTo(200);
    assertThat(nearest.body()).hasSize(3);
    assertThat(nearest.body().get(0).path("name").asText()).isEqualTo("near");
    assertThat(nearest.body().get(1).path("name").asText()).isEqualTo("middle");
    assertThat(nearest.body().get(2).path("name").asText()).isEqualTo("far");
    // 0.0021° of latitude and 0.0072° of longitude at 43° S: about 0.64 km.
    assertThat(nearest.body().get(0).path("distanceKm").decimalValue())
        .isBetween(new java.math.BigDecimal("0.55"), new java.math.BigDecimal("0.75"));
    assertThat(nearest.body().get(0).path("openingHours").asText()).isEqualTo("Mo-Sa 08:00-20:00");
  }

  @Test
  void onlyHqAdminsOpenLocationsAndCoordinatesAreChecked() {
    String analyst = keyFor(Role.HQ_ANALYST, null);
    assertThat(postAs(analyst, "/api/locations", store("x", "1", "1"), null).status())
        .isEqualTo(403);
    Reply badLatitude = post("/api/locations", store("x", "91", "1"), null);
    assertThat(badLatitude.status()).isEqualTo(400);
    assertThat(badLatitude.body().path("field").asText()).isEqualTo("latitude");
    Reply half = post("/api/locations", store("x", "10", "null"), null);
    assertThat(half.status()).isEqualTo(422);
    assertThat(half.body().path("field").asText()).isEqualTo("longitude");
    Reply badQuery = get("/api/locations/nearest?latitude=200&longitude=0");
    assertThat(badQuery.status()).isEqualTo(400);
    assertThat(badQuery.body().path("field").asText()).isEqualTo("latitude");
  }

  @Test
  void twoClientsOpeningTheSameCodeAtOnceGetOneStoreAndAConflict() throws Exception {
    String body = store("twin", "1", "1");
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        replies.add(
            pool.submit(
                () -> {
                  start.await();
                  return post("/api/locations", body, null);
                }));
      }
      start.countDown();
      int created = 0;
      for (var reply : replies) {
        Reply r = reply.get();
        assertThat(r.status()).isIn(201, 409);
        if (r.status() == 409) {
          assertThat(r.body().path("field").asText()).isEqualTo("code");
        }
        created += r.status() == 201 ? 1 : 0;
      }
      assertThat(created).isEqualTo(1);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aLocationKeepsItsTimeZoneOrTheDefault() {
    Reply shanghai =
        post(
            "/api/locations",
            "{\"code\": \"SH-%s\", \"name\": \"Shanghai\", \"kind\": \"store\", \"timeZone\": \"Asia/Shanghai\"}"
                .formatted(UUID.randomUUID().toString().substring(0, 6)),
            null);
    assertThat(shanghai.status()).isEqualTo(201);
    assertThat(shanghai.body().path("timeZone").asText()).isEqualTo("Asia/Shanghai");
    Reply plain = post("/api/locations", store("plain", "1", "1"), null);
    assertThat(plain.body().path("timeZone").asText()).isEqualTo("UTC");
    Reply offset =
        post(
            "/api/locations",
            "{\"code\": \"X-%s\", \"name\": \"X\", \"kind\": \"store\", \"timeZone\": \"+08:00\"}"
                .formatted(UUID.randomUUID().toString().substring(0, 6)),
            null);
    assertThat(offset.status()).isEqualTo(400);
    assertThat(offset.body().path("field").asText()).isEqualTo("timeZone");
  }
}
