package com.wildrydes.workshop.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceTableTest {

    @Test
    void theKeptTableHasEveryPriceWithAUnitASourceAndADate() {
        PriceTable table = PriceTable.load();

        assertThat(table.asOf()).isAfter(LocalDate.of(2024, 11, 1));
        assertThat(table.prices().keySet()).containsAll(PriceTable.REQUIRED);
        table.prices().forEach((name, price) -> {
            assertThat(price.unit()).as(name).isNotBlank();
            assertThat(price.source()).as(name).startsWith("https://aws.amazon.com/");
            assertThat(price.per()).as(name).isPositive();
        });
        assertThat(table.price(PriceTable.SNS_LAMBDA_DELIVERIES).usd()).isZero();
        assertThat(table.price(PriceTable.DYNAMODB_WRITES).note()).contains("November 2024");
        assertThat(table.assumptions()).anyMatch(a -> a.contains("1 KB")).anyMatch(a -> a.contains("eventually consistent"));
    }

    @Test
    void refusesAPriceWithoutASourceOrATableWithoutADate() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThatThrownBy(() -> PriceTable.parse(json.readTree("""
                {"asOf": "2026-11-27", "prices": {"lambdaRequests": {"usd": 0.2, "per": 1000000, "unit": "1M requests"}}}""")))
                .hasMessageContaining("lambdaRequests").hasMessageContaining("source");
        assertThatThrownBy(() -> PriceTable.parse(json.readTree("""
                {"asOf": "last week", "prices": {}}"""))).hasMessageContaining("asOf must be a date");
        assertThatThrownBy(() -> PriceTable.parse(json.readTree("""
                {"asOf": "2026-11-27", "prices": {}}"""))).hasMessageContaining("has no 'lambdaRequests'");
    }
}
