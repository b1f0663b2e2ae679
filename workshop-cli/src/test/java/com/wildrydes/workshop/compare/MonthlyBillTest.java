package com.wildrydes.workshop.compare;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MonthlyBillTest {

    @Test
    void multipliesEachPerRideQuantityByTheVolumeAndItsPrice() {
        // Stage 01's shape: 3 invocations, 2 API requests, 1 publish, 1 delivery, 1 write, 1 eventually consistent read.
        PerRideUsage ride = new PerRideUsage(3, 0.1, 2, 1, 1, 1, 1, 0, 0);

        MonthlyBill bill = MonthlyBill.of(ride, 10_000_000, PriceTable.load());

        // Lambda: 30M requests × $0.20/M = $6.00; 1M GB-s × $0.0000166667 = $16.6667
        assertThat(bill.usdFor("Lambda")).isCloseTo(6.00 + 16.6667, within(1e-6));
        // API Gateway: 20M × $3.50/M = $70
        assertThat(bill.usdFor("API Gateway")).isCloseTo(70.0, within(1e-9));
        // SNS: 10M publishes × $0.50/M = $5; deliveries to Lambda free
        assertThat(bill.usdFor("SNS")).isCloseTo(5.0, within(1e-9));
        // DynamoDB: 10M WRU × $0.625/M = $6.25; 10M × 0.5 RRU × $0.125/M = $0.625
        assertThat(bill.usdFor("DynamoDB")).isCloseTo(6.875, within(1e-9));
        assertThat(bill.usdFor("SQS")).isZero();
        assertThat(bill.totalUsd()).isCloseTo(6.00 + 16.6667 + 70 + 5 + 6.875, within(1e-6));
    }

    @Test
    void aStronglyConsistentReadCostsAWholeReadUnit() {
        PerRideUsage ride = new PerRideUsage(0, 0, 0, 0, 0, 0, 0, 2, 0);

        MonthlyBill bill = MonthlyBill.of(ride, 1_000_000, PriceTable.load());

        assertThat(bill.usdFor("DynamoDB")).isCloseTo(2 * 0.125, within(1e-9));
    }
}
