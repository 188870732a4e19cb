package org.raccord.wholesale;

/**
 * One owner operation as operations watch it: its health, the failure and slow-call rates its
 * breaker judges on (-1 until the breaker has seen enough calls), and its recent latency.
 */
public record OperationReading(OperationHealth health, float failureRate, float slowCallRate, double p50Millis,
                               double p99Millis, long notPermittedCalls) {
}
