package io.chainstore.demo;

import java.time.Instant;

/** Campaigns with one amount-off coupon template, created through the API as HQ does. */
final class Campaigns {

  /** A template's terms: {@code amountOff} from {@code minSpend}, optionally at most so many. */
  record Offer(String code, String name, String amountOff, String minSpend, Integer totalLimit) {}

  private Campaigns() {}

  /**
   * Creates the campaign {@code code} valid from {@code from} to {@code to} with the offer's
   * template, both idempotent under {@code keyPrefix}; returns the template's id.
   */
  static long create(
      ApiClient admin,
      String code,
      String name,
      Offer offer,
      Instant from,
      Instant to,
      String keyPrefix) {
    ApiClient.Reply campaign =
        admin.post(
            "/api/campaigns",
            "{\"code\":\"%s\",\"name\":\"%s\",\"startsAt\":\"%s\",\"endsAt\":\"%s\"}"
                .formatted(code, name, from, to),
            keyPrefix + "-campaign");
    ApiClient.require(campaign, 201);
    ApiClient.Reply template =
        admin.post(
            "/api/campaigns/" + campaign.body().path("id").asLong() + "/coupon-templates",
            ("{\"code\":\"%s\",\"name\":\"%s\",\"discountType\":\"amount_off\","
                    + "\"amountOff\":%s,\"minSpend\":%s,\"channelScope\":\"all\","
                    + "\"validFrom\":\"%s\",\"validTo\":\"%s\"%s}")
                .formatted(
                    offer.code(),
                    offer.name(),
                    offer.amountOff(),
                    offer.minSpend(),
                    from,
                    to,
                    offer.totalLimit() == null ? "" : ",\"totalLimit\":" + offer.totalLimit()),
            keyPrefix + "-template");
    ApiClient.require(template, 201);
    return template.body().path("id").asLong();
  }
}
