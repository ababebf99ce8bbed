-- Moves one outbox shard's stream (the layout before the outbox on lists) into the lists, in one atomic step.
-- KEYS: {outbox:n}:stream, :attempts, :seq, :messages, :ready, :queued, :deliveries (one hash tag). Returns the number
-- of messages moved. Run it only while no gateway of the old version runs: a message it holds is handed out anew.
-- The moved messages go to the head of :ready in their old order (they are older than anything queued since), keep
-- their hand-out counts, and their body JSON is what the gateway writes (to, body, kind, dedupe, created).
local stream, attempts, seq, messages, ready, queued, deliveries = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7]
local kind = redis.call('TYPE', stream)
if (kind.ok or kind) ~= 'stream' then return 0 end
local entries = redis.call('XRANGE', stream, '-', '+')
local ids = {}
for i, e in ipairs(entries) do
  local f = {}
  for j = 1, #e[2], 2 do f[e[2][j]] = e[2][j + 1] end
  local id = string.format('%d', redis.call('INCR', seq))
  local created = tonumber(f.created) or 0
  redis.call('HSET', messages, id, cjson.encode({to = f.to or '', body = f.body or '', kind = f.kind or '', dedupe = f.dedupe or '', created = created}))
  redis.call('ZADD', queued, string.format('%d', created), id)
  local n = redis.call('HGET', attempts, e[1])
  if n then redis.call('HSET', deliveries, id, n) end
  ids[i] = id
end
for i = #ids, 1, -1 do redis.call('LPUSH', ready, ids[i]) end
redis.call('DEL', stream, attempts)
return #entries
