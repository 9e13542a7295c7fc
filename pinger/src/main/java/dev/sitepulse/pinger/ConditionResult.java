package dev.sitepulse.pinger;

/**
 * One condition evaluated against a response.
 *
 * @param condition the condition as written in the config
 * @param success whether it held
 * @param description the condition with the actual values filled in, e.g. {@code [STATUS] (503) == 200}
 * @param degrades whether a failure means DEGRADED (latency, certificate expiry) rather than DOWN
 */
public record ConditionResult(String condition, boolean success, String description, boolean degrades) {}
