package threadmill.bench.report;

/** A number with its unit and its error (half-width of JMH's 99.9% interval; NaN when none is known). */
record Value(double value, double error, String unit) {

    /** The same quantity scaled, error and all (a relative error survives scaling). */
    Value times(double factor, String newUnit) {
        return new Value(value * factor, error * Math.abs(factor), newUnit);
    }

    double relativeError() {
        return error / Math.abs(value);
    }

    @Override
    public String toString() {
        return Fmt.measured(value, error, unit);
    }
}
