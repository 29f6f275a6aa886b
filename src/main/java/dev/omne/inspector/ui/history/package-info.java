/**
 * The history of runs over time (the place for its Views, ViewModels and the plain logic only it uses). It may use
 * {@code common}, {@code session} and {@code runs}, and {@code app} puts it into the window; see
 * {@code ArchitectureTest.FEATURES}.
 */
package dev.omne.inspector.ui.history;
