SELECT intDiv(toUInt64(min(as_of_ms)), 1000) * 1000 AS as_of_ms FROM member_tag_clock FINAL
