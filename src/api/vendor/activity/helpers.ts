/** What an activity row shows, to the owner (GET /vendor/activity) and to the union (GET /admin/cooperatives/:id/activity). */
export const ACTIVITY_FIELDS = ["id", "actor_type", "actor_id", "actor_email", "action", "record_type", "record_id", "detail_id", "created_at"]
