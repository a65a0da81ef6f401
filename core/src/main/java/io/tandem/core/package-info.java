/** Tandem's contact-center domain. */
package io.tandem.core;
