package org.raccord.cluster;

import java.util.Map;

/** The shared settings as an instance found them at a beat, after one of them changed. */
public record SettingsChanged(Map<String, String> settings) {
}
