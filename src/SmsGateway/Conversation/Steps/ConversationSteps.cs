namespace SmsBooking.SmsGateway.Conversation.Steps;

/// <summary>The steps by the state they stand for: every state a talk can rest in has one (the superstates
/// <see cref="ConversationState.Booking"/> and <see cref="ConversationState.Holding"/> are never where a talk stands).</summary>
public sealed class ConversationSteps
{
    private readonly Dictionary<ConversationState, IConversationStep> _steps;

    public ConversationSteps(IEnumerable<IConversationStep> steps)
    {
        _steps = steps.ToDictionary(s => s.State);
        var missing = Enum.GetValues<ConversationState>()
            .Where(s => s is not (ConversationState.Booking or ConversationState.Holding) && !_steps.ContainsKey(s)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"No conversation step for {string.Join(", ", missing)}");
        }
    }

    public IConversationStep this[ConversationState state] => _steps[state];
}
