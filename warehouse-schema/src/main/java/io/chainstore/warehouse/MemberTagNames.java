package io.chainstore.warehouse;

import java.util.List;

/**
 * The member tags in {@code member_tag}: the streaming job sets them, segment exports select by
 * them.
 */
public final class MemberTagNames {

  public static final List<String> ALL =
      List.of(
          "new",
          "active",
          "lapsing",
          "high-value",
          "omnichannel",
          "online-only",
          "store-only",
          "coupon-sensitive",
          "referrer",
          "service-user");

  private MemberTagNames() {}
}
