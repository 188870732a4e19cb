/**
 * The lookup's read model: each line's answer rendered after every change and kept in an LMDB
 * store beside the database ({@link org.raccord.answers.StoredAnswers}), withdrawn with the change's
 * transaction and audited against the database at start, and again after a write it could not
 * make (a full disk). While this instance cannot read the database, it still answers, said to be
 * behind. It stores what an {@link org.raccord.answers.AnswerRenderer} gives it, so the answer's
 * shape stays with the customer API. May import {@code tracking} only; the customer API reads it.
 */
package org.raccord.answers;
