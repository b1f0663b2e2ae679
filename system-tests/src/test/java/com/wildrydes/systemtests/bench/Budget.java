package com.wildrydes.systemtests.bench;

/** What a result must stay within to pass, against the baseline measured in the same run. */
sealed interface Budget {

    /** Whether {@code measured} is within the budget; {@code baseline} is ignored by absolute budgets. */
    boolean allows(double baseline, double measured);

    /** As the report shows it, e.g. {@code ≤ 1.5×}. */
    String describe();

    /** The measured value may be at most {@code max} times the baseline. */
    record MaxRatio(double max) implements Budget {
        @Override
        public boolean allows(double baseline, double measured) {
            return measured / baseline <= max;
        }

        @Override
        public String describe() {
            return "≤ " + Numbers.format(max) + "×";
        }
    }

    /** The measured value may exceed the baseline by at most {@code max} (in the result's unit). */
    record MaxDifference(double max, String unit) implements Budget {
        @Override
        public boolean allows(double baseline, double measured) {
            return measured - baseline <= max;
        }

        @Override
        public String describe() {
            return "≤ +" + Numbers.format(max) + " " + unit;
        }
    }

    /** The measured value itself may be at most {@code max}, whatever the baseline. */
    record MaxValue(double max, String unit) implements Budget {
        @Override
        public boolean allows(double baseline, double measured) {
            return measured <= max;
        }

        @Override
        public String describe() {
            return "≤ " + Numbers.format(max) + " " + unit;
        }
    }

    /** Measured to learn from, not to pass or fail. */
    record None() implements Budget {
        @Override
        public boolean allows(double baseline, double measured) {
            return true;
        }

        @Override
        public String describe() {
            return "-";
        }
    }
}
