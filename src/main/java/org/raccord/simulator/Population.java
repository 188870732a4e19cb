package org.raccord.simulator;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A deterministic population: line {@code i} is a pure function of the seed and {@code i}, and
 * every reference maps back to its index by arithmetic, so nothing is stored per line. References
 * are bijective permutations of the index, hence unique without bookkeeping.
 */
public final class Population {

    /**
     * Lines that open every population: one per scenario, placed to be mid-story at the epoch, then
     * two live customer-letter orders (the second one's delivery slips beyond any postponement).
     */
    static final int SHOWCASE = Scenario.values().length + 2;

    private static final String ORDER_PREFIX = "CMD-";
    private static final String SERVICE_PREFIX = "VIA";
    private static final String PTO_PREFIX = "FI";
    private static final String[] LOSING_OPERATORS = {"BOUY", "SFRA", "FREE", "REDX"};
    private static final long SERVICE_SPACE = 1_000_000_000L;
    private static final long PTO_SPACE = 10_000_000_000L;
    private static final long NDI_SPACE = 100_000_000L;

    private final long seed;
    private final int size;
    private final Instant epoch;
    private final Duration history;
    private final Duration future;
    private final Permutation services;
    private final Permutation ptos;
    private final Permutation ndis;

    public Population(long seed, int size, Instant epoch, Duration history, Duration future) {
        if (size < SHOWCASE || size >= NDI_SPACE) {
            throw new IllegalArgumentException("population size must be in [" + SHOWCASE + ", " + NDI_SPACE + "): " + size);
        }
        this.seed = seed;
        this.size = size;
        this.epoch = epoch;
        this.history = history;
        this.future = future;
        this.services = new Permutation(SERVICE_SPACE, 7_919_393L, mix(seed, -1));
        this.ptos = new Permutation(PTO_SPACE, 48_271_007L, mix(seed, -2));
        this.ndis = new Permutation(NDI_SPACE, 6_700_417L, mix(seed, -3));
    }

    public int size() {
        return size;
    }

    public SimulatedLine line(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        SplittableRandom random = random(index);
        Scenario scenario = scenarioOf(index, random);
        boolean fibre = !(scenario == Scenario.CUSTOMER_LETTER || scenario == Scenario.COPPER_UNBUNDLING);
        return new SimulatedLine(
                index,
                scenario,
                fibre,
                orderReference(index),
                SERVICE_PREFIX + padded(services.apply(index), 9),
                fibre ? pto(index) : null,
                fibre ? null : ndi(index),
                scenario.takesOverAccess() ? LOSING_OPERATORS[random.nextInt(LOSING_OPERATORS.length)] : null,
                orderedAt(index, random));
    }

    /** A random stream for line {@code index}, the same for every call with this seed. */
    SplittableRandom random(int index) {
        return new SplittableRandom(mix(seed, index));
    }

    /** The random stream a line's script draws from, apart from the one that shaped the line. */
    SplittableRandom scriptRandom(int index) {
        return new SplittableRandom(mix(~seed, index));
    }

    public Optional<Integer> byOrderReference(String reference) {
        if (!reference.startsWith(ORDER_PREFIX)) {
            return Optional.empty();
        }
        return parse(reference.substring(ORDER_PREFIX.length()), 10).map(n -> n - 1).flatMap(this::known);
    }

    public Optional<Integer> byServiceReference(String reference) {
        if (!reference.startsWith(SERVICE_PREFIX)) {
            return Optional.empty();
        }
        return parse(reference.substring(SERVICE_PREFIX.length()), 10).map(services::invert).flatMap(this::known);
    }

    public Optional<Integer> byPtoReference(String reference) {
        String id = reference.endsWith("/C") ? reference.substring(0, reference.length() - 2) : reference;
        if (id.length() != 12 || !id.startsWith(PTO_PREFIX + "-") || id.charAt(7) != '-') {
            return Optional.empty();
        }
        return parse(id.substring(3, 7) + id.substring(8), 36).map(ptos::invert)
                .flatMap(this::known).filter(i -> line(i).fibre());
    }

    public Optional<Integer> byNdi(String ndi) {
        if (ndi.length() != 10 || !ndi.startsWith("0")) {
            return Optional.empty();
        }
        return parse(ndi.substring(2), 10).map(ndis::invert).flatMap(this::known)
                .filter(i -> ndi.equals(line(i).ndi()));
    }

    private static String orderReference(int index) {
        return ORDER_PREFIX + padded(index + 1, 8);
    }

    private String pto(int index) {
        String digits = Long.toString(ptos.apply(index), 36).toUpperCase();
        String id = "0".repeat(8 - digits.length()) + digits;
        return PTO_PREFIX + "-" + id.substring(0, 4) + "-" + id.substring(4);
    }

    private String ndi(int index) {
        return "0" + (1 + index % 5) + padded(ndis.apply(index), 8);
    }

    /** Zero-padded decimal; String.format is too slow for the millions of calls a big world makes. */
    private static String padded(long value, int width) {
        String digits = Long.toString(value);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    private Scenario scenarioOf(int index, SplittableRandom random) {
        int roll = random.nextInt(1_000_000);
        if (index < Scenario.values().length) {
            return Scenario.values()[index];
        }
        return index < SHOWCASE ? Scenario.CUSTOMER_LETTER : Scenario.pick(roll);
    }

    /**
     * Showcase lines: the first customer-letter line was ordered nine days before the epoch, so at
     * the epoch its old service is already cut and its delivery date has slipped (the letter's
     * situation); the last two showcase lines are customer-letter orders placed one and three hours
     * after the epoch, to watch live. The rest of the population is spread over [epoch - history, epoch + future).
     */
    private Instant orderedAt(int index, SplittableRandom random) {
        if (index < Scenario.values().length) {
            return epoch.minus(Duration.ofDays(9L + index));
        }
        if (index < SHOWCASE) {
            return epoch.plus(Duration.ofHours(1L + 2L * (index - Scenario.values().length)));
        }
        long spanSeconds = history.plus(future).toSeconds();
        long others = size - SHOWCASE;
        long slot = spanSeconds / Math.max(1, others);
        long offset = (index - SHOWCASE) * spanSeconds / Math.max(1, others) + random.nextLong(Math.max(1, slot));
        return epoch.minus(history).plusSeconds(offset);
    }

    private Optional<Integer> known(long index) {
        return index >= 0 && index < size ? Optional.of((int) index) : Optional.empty();
    }

    private static Optional<Long> parse(String digits, int radix) {
        try {
            return Optional.of(Long.parseLong(digits, radix));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static long mix(long seed, long salt) {
        long z = seed * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * x -> (x * a + b) mod m: a bijection of [0, m) because a is coprime with m (the moduli are
     * powers of ten, the factors odd and not multiples of five; modInverse fails fast otherwise).
     */
    private record Permutation(long modulus, long factor, long offset, long inverse) {
        Permutation(long modulus, long factor, long salt) {
            this(modulus, factor, Math.floorMod(salt, modulus),
                    BigInteger.valueOf(factor).modInverse(BigInteger.valueOf(modulus)).longValueExact());
        }

        long apply(long x) {
            return Math.floorMod(Math.multiplyExact(x, factor) + offset, modulus);
        }

        long invert(long y) {
            BigInteger shifted = BigInteger.valueOf(Math.floorMod(y - offset, modulus));
            return shifted.multiply(BigInteger.valueOf(inverse)).mod(BigInteger.valueOf(modulus)).longValueExact();
        }
    }
}
