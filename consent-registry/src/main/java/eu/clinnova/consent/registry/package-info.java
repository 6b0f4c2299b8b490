/**
 * Running a jurisdiction's registry of patients: finding patients (by pseudonym prefix, site,
 * cohort and where their consent stands), correcting their details, and enrolling a hospital's
 * export in bulk. The rules here are plain Java; the services that apply them are in {@code
 * application}, the stores in {@code infrastructure}.
 */
package eu.clinnova.consent.registry;
