/** The model registry (R5): which synthetic-voice and lip-sync models may run, with the hash of their artifact. */
package org.dubgate.domain.model;
