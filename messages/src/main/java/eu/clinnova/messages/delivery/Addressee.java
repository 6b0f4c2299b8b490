package eu.clinnova.messages.delivery;

import java.util.Optional;

/**
 * One person a letter reaches: their account, their e-mail address, and the language their account
 * names (if any; their saved preferences come first).
 */
public record Addressee(String account, String address, Optional<String> language) {}
