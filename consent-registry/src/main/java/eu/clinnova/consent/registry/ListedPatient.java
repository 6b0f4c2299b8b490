package eu.clinnova.consent.registry;

import eu.clinnova.consent.domain.Patient;

/** A patient in a listing, with where their consent stands. */
public record ListedPatient(Patient patient, PatientFilter.ConsentStanding consent) {}
