/** SHA-256 of model artifacts on disk (a file, or a folder of voice data), cached per node by size and time. */
package org.dubgate.infrastructure.artifact;
