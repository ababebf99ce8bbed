using NodaTime;
using SmsBooking.SmsGateway.Conversation.Reading;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>Builds the reader's lexicon, one conversation machine and the snapshot's serializer before the gateway takes
/// its first webhook: a fresh process (a restart after a crash, a new replica under load) would otherwise spend its
/// first message on them, long enough on a busy machine to outlive <c>Conversation:LeaseDuration</c>. No I/O.</summary>
internal sealed class ConversationWarmUp(MessageReader reader, IClock clock) : IHostedService
{
    private sealed class NoEffects : ConversationMachine.IEffects
    {
        public bool AgendaHasSeveralActivities() => true;

        public Task ReleaseHoldAsync() => Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var today = clock.GetCurrentInstant().InUtc().Date;
        foreach (var step in new[] { ConversationState.Idle, ConversationState.ChoosingDay, ConversationState.EnteringName })
        {
            reader.Read("pas zitra v 10, Jan Novak", new ReadingContext(step, today));
        }
        var snapshot = new ConversationSnapshot();
        ConversationMachine.Rent(snapshot, new NoEffects()).Return();
        ConversationSnapshot.FromJson(snapshot.ToJson());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
