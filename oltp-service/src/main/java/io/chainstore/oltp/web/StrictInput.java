package io.chainstore.oltp.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * One strict reading of input for the whole API, so nothing a client sends is silently
 * reinterpreted: a JSON value must have the type the field has (no 1.99 for a whole number, no "5"
 * for a number, no 5 for a text), a body is one JSON value and nothing after it, a field appears
 * once, text is clean ({@link TextRules}), dates are in the supported range ({@link
 * SupportedDates}). Path and query dates follow the same rules.
 */
@Configuration
class StrictInput implements WebMvcConfigurer {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJson() {
    return builder ->
        builder
            .featuresToEnable(
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .deserializerByType(String.class, new CleanText())
            .deserializerByType(LocalDate.class, new Dated<>(LocalDate.class, StrictInput::day))
            .deserializerByType(
                OffsetDateTime.class, new Dated<>(OffsetDateTime.class, StrictInput::time))
            .postConfigurer(
                mapper -> {
                  for (LogicalType type :
                      new LogicalType[] {
                        LogicalType.Integer, LogicalType.Float, LogicalType.Boolean
                      }) {
                    mapper
                        .coercionConfigFor(type)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
                  }
                  mapper
                      .coercionConfigFor(LogicalType.Integer)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                  mapper
                      .coercionConfigFor(LogicalType.Boolean)
                      .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                });
  }

  /** Dates in paths and query parameters: ISO, in the supported range. */
  @Override
  public void addFormatters(FormatterRegistry registry) {
    registry.addConverter(
        String.class, LocalDate.class, (Converter<String, LocalDate>) StrictInput::day);
  }

  static LocalDate day(String text) {
    try {
      return SupportedDates.check(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      throw new RejectedValue(SupportedDates.dayRule());
    }
  }

  static OffsetDateTime time(String text) {
    try {
      return SupportedDates.check(OffsetDateTime.parse(text));
    } catch (DateTimeParseException e) {
      throw new RejectedValue(SupportedDates.timeRule());
    }
  }

  /** Text only from a JSON string, and only clean text. */
  static final class CleanText extends StdScalarDeserializer<String> {

    CleanText() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (String) ctxt.handleUnexpectedToken(String.class, p);
      }
      String text = p.getText();
      String problem = TextRules.problem(text);
      if (problem != null) {
        throw new RejectedValue(problem);
      }
      return text;
    }
  }

  /** A date or date-time only from a JSON string in ISO form, within the supported range. */
  static final class Dated<T> extends StdScalarDeserializer<T> {

    private final Function<String, T> parse;

    Dated(Class<T> type, Function<String, T> parse) {
      super(type);
      this.parse = parse;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (T) ctxt.handleUnexpectedToken(handledType(), p);
      }
      return parse.apply(p.getText());
    }
  }
}
