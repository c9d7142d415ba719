package org.dubgate.application.catalog;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.dubgate.application.identity.Caller;
import org.dubgate.domain.model.AiModelRepository;
import org.dubgate.domain.performer.PerformerRepository;
import org.dubgate.domain.shared.NoSuchEntityException;
import org.dubgate.domain.shared.Page;
import org.dubgate.domain.shared.PageRequest;
import org.dubgate.domain.shared.RuleViolationException;
import org.dubgate.domain.title.Title;
import org.dubgate.domain.title.TitleRepository;
import org.dubgate.domain.voice.Voice;
import org.dubgate.domain.voice.VoiceRepository;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

@Stateless
public class CatalogService {

    @Inject
    TitleRepository titles;
    @Inject
    VoiceRepository voices;
    @Inject
    AiModelRepository models;
    @Inject
    PerformerRepository performers;
    @Inject
    Clock clock;

    public Title createTitle(Caller caller, String code, String name) {
        Title title = Title.create(code, name, caller.username(), clock.instant());
        if (titles.findByCode(title.code()).isPresent()) {
            throw new RuleViolationException("a title with code " + title.code() + " already exists");
        }
        titles.add(title);
        return title;
    }

    public Title title(String code) {
        return titles.findByCode(code).orElseThrow(() -> new NoSuchEntityException("title", code));
    }

    public Page<Title> titles(PageRequest page) {
        return titles.list(page);
    }

    public Voice defineVoice(Caller caller, String name, UUID modelId, UUID performerId, String engineVoice,
                             Integer pitchPercent, Integer ratePercent) {
        Voice voice = Voice.define(name, modelId, Optional.ofNullable(modelId).flatMap(models::find), performerId,
                Optional.ofNullable(performerId).flatMap(performers::find), engineVoice, pitchPercent, ratePercent,
                caller.username(), clock.instant());
        voices.add(voice);
        return voice;
    }

    public Voice voice(UUID id) {
        return voices.find(id).orElseThrow(() -> new NoSuchEntityException("voice", id));
    }

    public Page<Voice> voices(PageRequest page) {
        return voices.list(page);
    }
}
