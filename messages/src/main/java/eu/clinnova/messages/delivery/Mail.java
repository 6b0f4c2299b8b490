package eu.clinnova.messages.delivery;

/**
 * One e-mail as it is handed to the mail server: its stable Message-ID (the same on every attempt,
 * so a receiver can recognise a copy), the address, language, subject line and plain text.
 */
public record Mail(String messageId, String to, String language, String subject, String body) {}
