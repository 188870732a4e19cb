-- Each instance's health, written with its heartbeat: every console shows every instance's.
ALTER TABLE cluster_member ADD COLUMN health VARCHAR(300);
