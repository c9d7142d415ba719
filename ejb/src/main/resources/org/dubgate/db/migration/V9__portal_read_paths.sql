-- Read paths the portal uses: a performer's uses (lines by grant), media and models newest first.
create index ix_cue_output_grant on cue_output (grant_id);
create index ix_media_asset_created on media_asset (created_at, id);
create index ix_media_asset_state_created on media_asset (state, created_at, id);
create index ix_ai_model_registered on ai_model (registered_at, id);
